/// Records the waits a retry policy asks for instead of sleeping, so retry tests run at once.
actor SleepRecorder {
    private(set) var waits: [Duration] = []

    func record(_ duration: Duration) { waits.append(duration) }
}

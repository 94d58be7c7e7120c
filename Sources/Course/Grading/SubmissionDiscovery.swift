import Foundation

/// Turns what the instructor typed into grading jobs: a list of files for one exercise, or a
/// folder with one sub-folder per learner holding `<exercise-id>.py` files.
public enum SubmissionDiscovery {
    /// Jobs for `grade --exercise ID FILE…`: each file is one learner, named after the file.
    public static func jobs(exercise: String, files: [String], knownExercises: [String]) throws(GradingInputError) -> [GradingJob] {
        guard knownExercises.contains(exercise) else {
            throw .unknownExercise(exercise, known: knownExercises)
        }
        var jobs: [GradingJob] = []
        for file in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw .missingFile(file)
            }
            let learner = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            jobs.append(GradingJob(learner: learner, exercise: exercise, file: file))
        }
        return jobs
    }

    /// Jobs for `grade DIR`: learners are the sub-folders (sorted by name), their files named
    /// after exercises in course order. Files that name no exercise are returned as `ignored`.
    public static func jobs(folder: String, knownExercises: [String]) throws(GradingInputError) -> (jobs: [GradingJob], ignored: [String]) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notAFolder(folder)
        }
        let root = URL(fileURLWithPath: folder)
        let learners = ((try? manager.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { !$0.hasPrefix(".") }
            .filter { name in
                var isFolder: ObjCBool = false
                return manager.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
            }
            .sorted()
        var jobs: [GradingJob] = []
        var ignored: [String] = []
        for learner in learners {
            let learnerFolder = root.appendingPathComponent(learner)
            let files = Set(((try? manager.contentsOfDirectory(atPath: learnerFolder.path)) ?? []).filter { !$0.hasPrefix(".") })
            for exercise in knownExercises where files.contains("\(exercise).py") {
                jobs.append(GradingJob(learner: learner, exercise: exercise, file: learnerFolder.appendingPathComponent("\(exercise).py").path))
            }
            let known = Set(knownExercises.map { "\($0).py" })
            ignored += files.subtracting(known).sorted().map { learnerFolder.appendingPathComponent($0).path }
        }
        guard !jobs.isEmpty else { throw .noSubmissions(folder) }
        return (jobs, ignored)
    }
}

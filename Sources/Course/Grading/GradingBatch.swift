import Foundation

/// Grades many submissions at once, a bounded number at a time (one per core by default),
/// and collects them into a report. A failure of one submission is that submission's grade:
/// the grading function returns a grade for every job, whatever the code did.
public enum GradingBatch {
    /// Runs `grade` for every job with at most `concurrency` running at once, and returns the
    /// report with learners in the order they first appear and submissions in `exercises` order.
    public static func run(
        _ jobs: [GradingJob],
        exercises: [String],
        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
        grade: @escaping @Sendable (GradingJob) async -> SubmissionGrade
    ) async -> GradeReport {
        let started = Date()
        let limit = max(1, concurrency)
        var grades = [SubmissionGrade?](repeating: nil, count: jobs.count)
        await withTaskGroup(of: (Int, SubmissionGrade).self) { group in
            var next = 0
            while next < jobs.count && next < limit {
                let index = next
                group.addTask { (index, await grade(jobs[index])) }
                next += 1
            }
            while let (index, result) = await group.next() {
                grades[index] = result
                if next < jobs.count {
                    let index = next
                    group.addTask { (index, await grade(jobs[index])) }
                    next += 1
                }
            }
        }
        var order: [String] = []
        var byLearner: [String: [SubmissionGrade]] = [:]
        for (job, grade) in zip(jobs, grades) {
            guard let grade else { continue }
            if byLearner[job.learner] == nil { order.append(job.learner) }
            byLearner[job.learner, default: []].append(grade)
        }
        let position = Dictionary(exercises.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let learners = order.map { learner in
            LearnerGrade(learner: learner, submissions: (byLearner[learner] ?? []).sorted {
                (position[$0.exercise] ?? Int.max) < (position[$1.exercise] ?? Int.max)
            })
        }
        let used = exercises.filter { exercise in jobs.contains { $0.exercise == exercise } }
        return GradeReport(learners: learners, exercises: used, durationSeconds: Date().timeIntervalSince(started))
    }
}

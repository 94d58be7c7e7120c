/// Reads one physical line after showing a prompt. Two implementations: libedit on a
/// terminal, plain reads otherwise. `LineEditor` builds multi-line entries on top.
protocol LineSource: AnyObject {
    func readLine(prompt: String) -> LineInput
    func remember(_ line: String)
    var completion: CompletionProvider? { get set }
}

/// Which encoding each OpenAI model uses, as tiktoken's `encoding_for_model` decides it:
/// an exact model name first, then the longest-established name prefixes (dated snapshots,
/// Azure deployment names, fine-tunes), in tiktoken's order.
enum ModelEncodingNames {
    static let byModel: [String: String] = [
        "o1": "o200k_base", "o3": "o200k_base", "o4-mini": "o200k_base",
        "gpt-5": "o200k_base", "gpt-4.1": "o200k_base", "gpt-4o": "o200k_base",
        "gpt-4": "cl100k_base", "gpt-3.5-turbo": "cl100k_base", "gpt-3.5": "cl100k_base",
        "gpt-35-turbo": "cl100k_base",
        "davinci-002": "cl100k_base", "babbage-002": "cl100k_base",
        "text-embedding-ada-002": "cl100k_base",
        "text-embedding-3-small": "cl100k_base",
        "text-embedding-3-large": "cl100k_base",
        "text-davinci-003": "p50k_base", "text-davinci-002": "p50k_base",
        "text-davinci-001": "r50k_base", "text-curie-001": "r50k_base",
        "text-babbage-001": "r50k_base", "text-ada-001": "r50k_base",
        "davinci": "r50k_base", "curie": "r50k_base", "babbage": "r50k_base", "ada": "r50k_base",
        "code-davinci-002": "p50k_base", "code-davinci-001": "p50k_base",
        "code-cushman-002": "p50k_base", "code-cushman-001": "p50k_base",
        "davinci-codex": "p50k_base", "cushman-codex": "p50k_base",
        "text-davinci-edit-001": "p50k_edit", "code-davinci-edit-001": "p50k_edit",
        "text-similarity-davinci-001": "r50k_base", "text-similarity-curie-001": "r50k_base",
        "text-similarity-babbage-001": "r50k_base", "text-similarity-ada-001": "r50k_base",
        "text-search-davinci-doc-001": "r50k_base", "text-search-curie-doc-001": "r50k_base",
        "text-search-babbage-doc-001": "r50k_base", "text-search-ada-doc-001": "r50k_base",
        "code-search-babbage-code-001": "r50k_base", "code-search-ada-code-001": "r50k_base",
        "gpt2": "gpt2", "gpt-2": "gpt2",
    ]

    /// Checked in this order; the first prefix the model name starts with decides.
    static let byPrefix: [(prefix: String, encoding: String)] = [
        ("o1-", "o200k_base"), ("o3-", "o200k_base"), ("o4-mini-", "o200k_base"),
        ("gpt-5", "o200k_base"), ("gpt-4.5-", "o200k_base"), ("gpt-4.1-", "o200k_base"),
        ("chatgpt-4o-", "o200k_base"), ("gpt-4o-", "o200k_base"),
        ("gpt-4-", "cl100k_base"), ("gpt-3.5-turbo-", "cl100k_base"), ("gpt-35-turbo-", "cl100k_base"),
        ("gpt-oss-", "o200k_harmony"),
        ("ft:gpt-4o", "o200k_base"), ("ft:gpt-4", "cl100k_base"), ("ft:gpt-3.5-turbo", "cl100k_base"),
        ("ft:davinci-002", "cl100k_base"), ("ft:babbage-002", "cl100k_base"),
    ]

    /// The encoding name tiktoken would use for `model`, or nil when tiktoken does not know it.
    static func encodingName(forModel model: String) -> String? {
        if let name = byModel[model] { return name }
        return byPrefix.first { model.hasPrefix($0.prefix) }?.encoding
    }
}

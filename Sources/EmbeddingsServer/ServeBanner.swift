import Foundation

/// What `embedlings serve` prints: the base URL alone on the first line (scripts read it),
/// then a curl command and a Python snippet ready to paste.
public enum ServeBanner {
    public static func lines(baseURL: URL) -> [String] {
        let base = baseURL.absoluteString
        return [
            base,
            "",
            "Fake OpenAI embeddings endpoint, offline and deterministic. Try it:",
            "",
            "  curl \(base)/embeddings \\",
            "    -H \"Authorization: Bearer $OPENAI_API_KEY\" \\",
            "    -H \"Content-Type: application/json\" \\",
            "    -d '{\"input\": \"The food was delicious and the waiter...\", \"model\": \"text-embedding-3-small\", \"encoding_format\": \"float\"}'",
            "",
            "  from openai import OpenAI",
            "  client = OpenAI(base_url=\"\(base)\", api_key=\"<OPENAI_API_TOKEN>\")",
            "  print(client.embeddings.create(model=\"text-embedding-3-small\", input=\"hello\").data[0].embedding[:3])",
            "",
            "Press Ctrl-C to stop.",
        ]
    }
}

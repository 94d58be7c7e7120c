import Foundation

/// A typical Python mock of the embeddings endpoint (standard library `http.server`,
/// threaded, HTTP/1.1 keep-alive): per input a seeded pseudo-random unit vector, JSON floats
/// or base64 float32. Started beside the served fake so both are measured in one run.
enum PythonMockServer {
    static let source = #"""
import base64, hashlib, json, math, os, random, struct, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Exit when the benchmark's end of stdin closes, however the benchmark ends: a signal sent
# by the parent may be ignored (ignored signals survive exec), a closed pipe never is.
threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()

SIZES = {"text-embedding-3-small": 1536, "text-embedding-3-large": 3072, "text-embedding-ada-002": 1536}

def vector(text, model, size):
    rng = random.Random(hashlib.sha256((model + "\0" + text).encode()).digest())
    v = [rng.uniform(-1.0, 1.0) for _ in range(size)]
    n = math.sqrt(sum(x * x for x in v))
    return [x / n for x in v]

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        texts = body["input"] if isinstance(body["input"], list) else [body["input"]]
        model = body["model"]
        data = []
        for i, text in enumerate(texts):
            v = vector(text, model, SIZES[model])
            if body.get("encoding_format") == "base64":
                e = base64.b64encode(struct.pack("<%df" % len(v), *v)).decode()
            else:
                e = v
            data.append({"object": "embedding", "index": i, "embedding": e})
        out = json.dumps({"object": "list", "data": data, "model": model,
                          "usage": {"prompt_tokens": 8, "total_tokens": 8}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
"""#

    /// A running mock; `stop()` ends it (and it ends by itself when this process exits).
    struct Running {
        let child: AnnouncingProcess
        let port: Int

        func stop() {
            try? child.input.fileHandleForWriting.close()
            child.process.terminate()
            child.process.waitUntilExit()
        }
    }

    /// Starts the mock; returns it with its port, or nil when python3 is missing.
    static func start() -> Running? {
        guard let child = AnnouncingProcess.start(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", source]) else { return nil }
        guard let port = Int(child.firstLine) else {
            child.process.terminate()
            return nil
        }
        return Running(child: child, port: port)
    }
}

// An HTTP/1.1 client on one kept-alive socket, written out by hand so a test
// sees exactly what a browser or proxy would: the answer, or a reset.
import net from "node:net";

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class KeepAliveSocket {
  private buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: RawResponse) => void; reject: (e: Error) => void } | undefined;
  readonly closed: Promise<void>;

  private constructor(private readonly socket: net.Socket) {
    socket.on("data", (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.parse();
    });
    socket.on("error", (error) => this.waiting?.reject(error));
    this.closed = new Promise((resolve) => socket.on("close", () => {
      this.waiting?.reject(new Error("connection closed before an answer"));
      resolve();
    }));
  }

  static open(port: number): Promise<KeepAliveSocket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => resolve(new KeepAliveSocket(socket)));
      socket.once("error", reject);
    });
  }

  /** Sends a request (body optional) and resolves with its response. */
  request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<RawResponse> {
    const lines = [`${method} ${path} HTTP/1.1`, "Host: localhost", "Connection: keep-alive", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
    const answer = new Promise<RawResponse>((resolve, reject) => (this.waiting = { resolve, reject }));
    this.socket.write(`${lines.join("\r\n")}\r\n\r\n${body ?? ""}`);
    return answer;
  }

  /** Sends only the head and part of a body, for a request still in progress. */
  startRequest(method: string, path: string, body: string, sentPart: number): { finish(): Promise<RawResponse> } {
    const head = [`${method} ${path} HTTP/1.1`, "Host: localhost", "Content-Type: application/x-www-form-urlencoded", `Content-Length: ${Buffer.byteLength(body)}`].join("\r\n");
    const answer = new Promise<RawResponse>((resolve, reject) => (this.waiting = { resolve, reject }));
    this.socket.write(`${head}\r\n\r\n${body.slice(0, sentPart)}`);
    return {
      finish: () => {
        this.socket.write(body.slice(sentPart));
        return answer;
      },
    };
  }

  private parse() {
    const end = this.buffer.indexOf("\r\n\r\n");
    if (end < 0 || !this.waiting) return;
    const [statusLine, ...headerLines] = this.buffer.subarray(0, end).toString().split("\r\n");
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers["content-length"] ?? 0);
    if (this.buffer.length < end + 4 + length) return;
    const body = this.buffer.subarray(end + 4, end + 4 + length).toString();
    this.buffer = this.buffer.subarray(end + 4 + length);
    const { resolve } = this.waiting;
    this.waiting = undefined;
    resolve({ status: Number(statusLine!.split(" ")[1]), headers, body });
  }
}

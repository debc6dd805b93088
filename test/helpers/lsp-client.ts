/**
 * A minimal LSP client for the real yaml-language-server (a dev dependency), over stdio with
 * Content-Length framing: initialize, settings (pushed and answered on workspace/configuration),
 * didOpen, and the diagnostics the server publishes for each document.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

/** The server's entry script, from its package.json (no global install, no PATH lookup). */
export function yamlLanguageServerBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("yaml-language-server/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin["yaml-language-server"]!;
  return join(dirname(pkgPath), bin);
}

type Message = { id?: number; method?: string; params?: any; result?: unknown; error?: unknown };

export class YamlLanguageServer {
  private readonly proc: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly published = new Map<string, LspDiagnostic[]>();
  private readonly waiting = new Map<string, (d: LspDiagnostic[]) => void>();
  private version = 0;
  stderr = "";

  /** Settings of the `yaml` section: validation on, and no schema store (it is fetched from the network). */
  readonly settings = { yaml: { validate: true, hover: true, completion: true, schemas: {}, schemaStore: { enable: false } } };

  constructor(private readonly root: string) {
    this.proc = spawn(process.execPath, [yamlLanguageServerBin(), "--stdio"], { stdio: ["pipe", "pipe", "pipe"], cwd: root });
    this.proc.stdout!.on("data", (chunk: Buffer) => this.receive(chunk));
    this.proc.stderr!.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
  }

  async start(): Promise<void> {
    await this.request("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(this.root).href,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
    });
    this.notify("initialized", {});
    this.notify("workspace/didChangeConfiguration", { settings: this.settings });
  }

  /**
   * Opens a document (it need not exist on disk: the server reads the text given; a relative
   * `$schema` modeline is resolved from the document's path) and waits for its diagnostics.
   */
  open(path: string, text: string, timeoutMs = 8000): Promise<LspDiagnostic[]> {
    const uri = pathToFileURL(path).href;
    this.published.delete(uri);
    const result = new Promise<LspDiagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiting.set(uri, (d) => {
        clearTimeout(timer);
        resolve(d);
      });
    });
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: ++this.version, text } });
    return result;
  }

  close(path: string): void {
    this.notify("textDocument/didClose", { textDocument: { uri: pathToFileURL(path).href } });
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.proc.once("exit", () => resolve()));
    const shutdown = this.request("shutdown", null).then(() => this.notify("exit", null));
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 2000));
    await Promise.race([shutdown.then(() => exited), timeout]);
    if (this.proc.exitCode === null) this.proc.kill();
  }

  private send(m: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...m }), "utf8");
    this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin!.write(body);
  }

  private request(method: string, params: unknown): Promise<Message> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, end).toString("ascii"))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const m = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(m);
    }
  }

  private handle(m: Message): void {
    if (m.id !== undefined && m.method) {
      // A request from the server: settings are answered, anything else (registrations…) acknowledged.
      if (m.method === "workspace/configuration") {
        const items = (m.params?.items ?? []) as { section?: string }[];
        this.send({ id: m.id, result: items.map((it) => (it.section ? ((this.settings as Record<string, unknown>)[it.section] ?? null) : this.settings)) });
      } else this.send({ id: m.id, result: null });
    } else if (m.id !== undefined) {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
    } else if (m.method === "textDocument/publishDiagnostics") {
      const { uri, diagnostics } = m.params as { uri: string; diagnostics: LspDiagnostic[] };
      this.published.set(uri, diagnostics);
      const w = this.waiting.get(uri);
      if (w) {
        this.waiting.delete(uri);
        w(diagnostics);
      }
    }
  }
}

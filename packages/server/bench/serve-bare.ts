// Ceiling: a bare node:http server answering the same 202 body, doing no work at all.
import { createServer } from "node:http";

const port = Number(process.argv[2]);
const body = JSON.stringify({
  request_id: "01KDVDNA00ZKRRMS30Q0DXB47N",
  job_id: "01KDVDNA01698PWX8AXW3S5SZJ",
  status: "NOT_STARTED",
  credits_cost: 5,
});
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(202, { "content-type": "application/json" });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () =>
  process.stdout.write(`${JSON.stringify({ ready: true, key: "none" })}\n`),
);
process.on("SIGTERM", () => server.close(() => process.exit(0)));

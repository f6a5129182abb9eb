#!/usr/bin/env python3
"""A small HTTP receiver on 127.0.0.1 for the webhook tests: each POST is written to a folder as
JSON (its path, headers and body), and answered as its path asks: /ok answers 200, /status/N
answers N, /slow/S waits S seconds then answers 200. Writes the port to FOLDER/port, then serves until killed.

    python3 webhook_receiver.py FOLDER
"""
import http.server, itertools, json, os, sys, time

folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
counter = itertools.count(1)


def announce(port):
    with open(os.path.join(folder, "port.part"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(folder, "port.part"), os.path.join(folder, "port"))


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("utf-8")
        parts = self.path.strip("/").split("/")
        status = 200
        if parts[0] == "status":
            status = int(parts[1])
        elif parts[0] == "slow":
            time.sleep(float(parts[1]))
        record = {"path": self.path, "headers": dict(self.headers.items()), "body": body, "answered": status}
        with open(os.path.join(folder, "%06d.json" % next(counter)), "w") as f:
            json.dump(record, f)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
announce(server.server_address[1])
server.serve_forever()

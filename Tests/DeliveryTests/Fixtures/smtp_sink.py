#!/usr/bin/env python3
"""A small SMTP server on 127.0.0.1 for the delivery tests: it takes every message and writes each
to a file in a folder. Writes the port it listens on to FOLDER/port, then serves until killed.

    python3 smtp_sink.py FOLDER
"""
import os, socketserver, sys, itertools

folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
counter = itertools.count(1)


def announce(port):
    with open(os.path.join(folder, "port.part"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(folder, "port.part"), os.path.join(folder, "port"))


class Session(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self.say("220 localhost qaf test sink")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command.split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                self.say("250 localhost")
            elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
                self.say("250 OK")
            elif verb == "DATA":
                self.say("354 End data with <CR><LF>.<CR><LF>")
                data = []
                while True:
                    part = self.rfile.readline()
                    if part in (b".\r\n", b".\n", b""):
                        break
                    data.append(part[1:] if part.startswith(b"..") else part)
                path = os.path.join(folder, "%06d-%d.eml" % (next(counter), os.getpid()))
                with open(path + ".part", "wb") as f:
                    f.write(b"".join(data))
                os.rename(path + ".part", path)
                self.say("250 OK queued")
            elif verb == "QUIT":
                self.say("221 Bye")
                return
            else:
                self.say("502 Command not implemented")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server(("127.0.0.1", 0), Session) as server:
    announce(server.server_address[1])
    server.serve_forever()

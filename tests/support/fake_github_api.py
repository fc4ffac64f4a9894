#!/usr/bin/env python3
"""The slice of GitHub's REST API the action's comment poster uses
(scripts/action/post-comment.sh), for tests/scripts/action_test.cpp.

    fake_github_api.py STATE_DIR

Serves on 127.0.0.1 at a free port, written to STATE_DIR/port once it
listens. Pull request 7 of owner/repo starts with 120 comments (so the
poster must page): 119 by people, one by "mallory" that starts with the
stepup marker (the poster must not take it for its own). Every request is
appended to STATE_DIR/requests.jsonl as {method, path, auth, body}. A token
"read-only" gets 403 on writes, as GitHub answers a token without
pull-requests: write. Exits after 120 s without a request.
"""
import json
import os
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

STATE = sys.argv[1]
MARKER = "<!-- stepup:comment -->"
LOCK = threading.Lock()
COMMENTS = {7: []}
for i in range(1, 121):
    user = "mallory" if i == 60 else "person%d" % i
    body = MARKER + "\nnot stepup's" if i == 60 else "comment %d" % i
    COMMENTS[7].append({"id": i, "user": {"login": user}, "body": body,
                        "html_url": "http://github.test/owner/repo/pull/7#issuecomment-%d" % i})
NEXT_ID = [1000]


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else ""
        auth = self.headers.get("Authorization", "")
        with LOCK:
            with open(os.path.join(STATE, "requests.jsonl"), "a") as log:
                log.write(json.dumps({"method": method, "path": self.path,
                                      "auth": auth, "body": raw}) + "\n")
        if auth != "Bearer secret-token" and auth != "Bearer read-only":
            return self.reply(401, {"message": "Bad credentials"})
        url = urlparse(self.path)
        listing = re.fullmatch(r"/repos/owner/repo/issues/(\d+)/comments", url.path)
        single = re.fullmatch(r"/repos/owner/repo/issues/comments/(\d+)", url.path)
        if method != "GET" and auth == "Bearer read-only":
            return self.reply(403, {"message": "Resource not accessible by integration"})
        with LOCK:
            if listing and method == "GET":
                query = parse_qs(url.query)
                per_page = int(query.get("per_page", ["30"])[0])
                page = int(query.get("page", ["1"])[0])
                items = COMMENTS.get(int(listing.group(1)), [])
                return self.reply(200, items[(page - 1) * per_page:page * per_page])
            if listing and method == "POST":
                NEXT_ID[0] += 1
                comment = {"id": NEXT_ID[0], "user": {"login": "github-actions[bot]"},
                           "body": json.loads(raw)["body"],
                           "html_url": "http://github.test/owner/repo/pull/%s#issuecomment-%d"
                           % (listing.group(1), NEXT_ID[0])}
                COMMENTS.setdefault(int(listing.group(1)), []).append(comment)
                return self.reply(201, comment)
            if single and method == "PATCH":
                for comments in COMMENTS.values():
                    for comment in comments:
                        if comment["id"] == int(single.group(1)):
                            comment["body"] = json.loads(raw)["body"]
                            return self.reply(200, comment)
        return self.reply(404, {"message": "Not Found"})

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def do_PATCH(self):
        self.handle_any("PATCH")


class Server(ThreadingHTTPServer):
    timed_out = False

    def handle_timeout(self):
        self.timed_out = True


server = Server(("127.0.0.1", 0), Handler)
server.timeout = 120
tmp = os.path.join(STATE, "port.tmp")
with open(tmp, "w") as f:
    f.write(str(server.server_address[1]))
os.rename(tmp, os.path.join(STATE, "port"))
while not server.timed_out:
    server.handle_request()

"""The reference design's floor: one Python process per episode, with its own copy of the
database, answering one query over HTTP. A real AWM env adds FastAPI, SQLAlchemy and
uvicorn on top of this, so it only costs more."""
import http.server
import json
import shutil
import sqlite3
import sys
import tempfile

template = sys.argv[1]
path = tempfile.mktemp(suffix=".db", dir=sys.argv[2])
shutil.copyfile(template, path)
db = sqlite3.connect(path, check_same_thread=False)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        row = db.execute("SELECT * FROM t3 WHERE id = ?", (7,)).fetchone()
        body = json.dumps({"row": row}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()

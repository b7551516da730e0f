"""The benchmarks' HTTP calls to a p2p-storage server, with Python's standard library only: a request with a
bearer token or the portal's cookies, every link's settings at once, and the bytes each node's link has carried
(what the link model's figures are computed from). Imported by class.py and sftp_class.py."""
import http.client
import json
import urllib.parse


class Server:

    def __init__(self, base, admin_token):
        self.host = urllib.parse.urlparse(base)
        self.admin_token = admin_token

    def call(self, method, path, token=None, body=None, headers=None, cookies=None):
        """One request; returns (status, body bytes). A dict or list body goes as JSON; cookies are kept."""
        connection = http.client.HTTPConnection(self.host.hostname, self.host.port, timeout=3600)
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = "Bearer " + token
        if cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and cookies is not None:
                key, _, rest = value.partition("=")
                cookies[key] = rest.split(";")[0]
        connection.close()
        return response.status, data

    def set_links(self, settings):
        """The same link settings on the five nodes (an admin's call)."""
        for n in range(1, 6):
            status, data = self.call("PUT", f"/api/network/nodes/Node_{n:02d}/link", self.admin_token, settings)
            if status != 200:
                raise SystemExit(f"link of Node_{n:02d}: {status} {data[:200]}")

    def node_bytes(self):
        """(received, sent) bytes of each node's link, by node id."""
        status, data = self.call("GET", "/api/network/statistics", self.admin_token)
        stats = json.loads(data)["interfaces"]
        return {i["id"]: (i["bytesReceived"], i["bytesSent"]) for i in stats if i["id"].startswith("Node_")}

"""A block of consecutive free loopback ports: a cluster's workers listen on port, port+1, ..."""

from __future__ import annotations

import socket


def free_block(size: int) -> int:
    """The first of `size` consecutive ports that are free on 127.0.0.1 now."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            first = s.getsockname()[1]
        if first + size >= 65535:
            continue
        held = []
        try:
            for port in range(first, first + size):
                sock = socket.socket()
                held.append(sock)
                sock.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
        finally:
            for sock in held:
                sock.close()
    raise RuntimeError("no block of free ports")

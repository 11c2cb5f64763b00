#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: LLMProxy contributors
"""Hold N streaming chat requests open through a gateway and measure its resident memory.

Each client connection sends one `stream: true` chat request and reads until the first SSE event
has arrived, so every stream is known to be flowing end to end (the mock upstream is scripted to
send the first event at once and the rest much later). When all N are held, the gateway's VmRSS is
read from /proc and the result is printed as one JSON line. Standard library only; every wait is
bounded by --timeout.
"""

import argparse
import asyncio
import json
import sys
import time
import urllib.request


def read_status(pid):
    fields = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def rss_kib(pid):
    return int(read_status(pid)["VmRSS"].split()[0])


async def open_stream(host, port, request, first_event_deadline):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(request)
    await writer.drain()
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), first_event_deadline - time.monotonic())
    status_line = head.split(b"\r\n", 1)[0]
    if b" 200 " not in status_line + b" ":
        writer.close()
        raise RuntimeError(f"unexpected status: {status_line.decode(errors='replace')}")
    # Chunked SSE: read until the first complete event is in.
    received = b""
    while b"data:" not in received or b"\n\n" not in received[received.find(b"data:"):]:
        chunk = await asyncio.wait_for(reader.read(4096), first_event_deadline - time.monotonic())
        if not chunk:
            writer.close()
            raise RuntimeError("stream closed before its first event")
        received += chunk
    return reader, writer


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--key", default="")
    parser.add_argument("--pid", type=int, required=True, help="gateway process whose VmRSS is measured")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--parallel", type=int, default=50, help="streams being opened at the same time")
    parser.add_argument("--settle", type=float, default=3.0, help="seconds to wait before reading VmRSS")
    parser.add_argument("--mock-url", default="", help="mock upstream origin, to count its open connections")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()

    body = json.dumps({
        "model": "gpt-4o-mini",
        "messages": [{"role": "user", "content": "Tell a long story, one word at a time, about a patient lighthouse keeper."}],
        "stream": True,
    }).encode()
    auth = f"Authorization: Bearer {args.key}\r\n" if args.key else ""
    request = (f"POST /v1/chat/completions HTTP/1.1\r\nHost: {args.host}:{args.port}\r\n{auth}"
               f"Content-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: {len(body)}\r\n\r\n"
               ).encode() + body

    deadline = time.monotonic() + args.timeout
    before_kib = rss_kib(args.pid)
    gate = asyncio.Semaphore(args.parallel)
    started = time.monotonic()

    async def one():
        async with gate:
            return await open_stream(args.host, args.port, request, deadline)

    results = await asyncio.gather(*(one() for _ in range(args.count)), return_exceptions=True)
    held = [r for r in results if not isinstance(r, BaseException)]
    errors = [r for r in results if isinstance(r, BaseException)]
    open_seconds = time.monotonic() - started

    await asyncio.sleep(max(0.0, min(args.settle, deadline - time.monotonic())))
    status = read_status(args.pid)
    held_kib = int(status["VmRSS"].split()[0])
    threads = int(status.get("Threads", "0"))
    # The streams must still be open and silent when the memory was read, or the figure means nothing:
    # a stream that has closed or delivered more than its first event does not count as held.
    async def idle(reader):
        try:
            await asyncio.wait_for(reader.read(65536), 0.2)
            return False
        except asyncio.TimeoutError:
            return True
    still_open = sum(await asyncio.gather(*(idle(reader) for reader, _ in held)))
    upstream_open = None
    if args.mock_url:
        with urllib.request.urlopen(f"{args.mock_url}/__mock/stats", timeout=10) as response:
            upstream_open = json.load(response).get("connections_open")

    for _, writer in held:
        writer.close()
    await asyncio.sleep(max(0.0, min(args.settle, deadline - time.monotonic())))
    after_kib = rss_kib(args.pid)

    result = {
        "requested": args.count,
        "held": len(held),
        "still_open": still_open,
        "errors": len(errors),
        "first_error": repr(errors[0]) if errors else "",
        "open_seconds": round(open_seconds, 2),
        "rss_before_kib": before_kib,
        "rss_held_kib": held_kib,
        "rss_after_close_kib": after_kib,
        "threads": threads,
        "upstream_connections_open": upstream_open,
    }
    print(json.dumps(result))
    return 0 if len(held) == args.count and still_open == args.count else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))

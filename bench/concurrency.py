"""Concurrency efficiency of `salesim run` against a remote model, and a peer comparison.

A local OpenAI-compatible server, in a process of its own as a provider would be, answers every
chat completion 200 ms after receiving it. An agent of kind ``openai`` talks to it with the
cache off, so every agent turn is a real request, and a bench customer asks exactly eight
questions per conversation. For each concurrency level the script prints the wall time of the
whole ``salesim run`` (start-up and report.html included), the number of model calls, the ideal
time (calls x latency / concurrency) and the efficiency (ideal / achieved), plus conversations
per second and peak RSS.

The same workload is then run through openevals' ``run_multiturn_simulation_async`` (one
simulation per call, so 300 of them under ``asyncio.gather`` with a semaphore) against the same
server, and the ratio salesim / openevals is printed.

    .venv/bin/python bench/concurrency.py [--n 150] [--concurrency 32,64] [--workers 1]
                                          [--no-peer] [--no-controls] [--profile]

``--workers W`` spreads each run over W processes (``--concurrency`` is the total in flight).
Besides the wall-clock figures it prints the CPU time per model call (whole process and joined
workers, and the event-loop thread alone): the loop is one thread, so CPU per call bounds the
calls per second one process can make, whatever the concurrency. The machine's load average is
printed too, because other processes on a small box move the wall-clock figures by +-10 %.

Two control rows at the highest concurrency split the cost: salesim with an in-process agent that
only sleeps 200 ms (the engine alone), and salesim with an ``http`` agent on the test HTTP agent
server (engine + httpx, without LangChain and the openai SDK). ``--no-controls`` skips them.

``--profile`` runs salesim once more under cProfile at the highest concurrency (one process)
and prints where the event loop's time goes, grouped by package and by function.
``--server-nodelay`` is kept for old comparisons: the test server now sets TCP_NODELAY itself
(without it, Nagle's algorithm and delayed ACKs added ~40 ms to calls on reused connections).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import multiprocessing
import os
import pstats
import resource
import socket
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from simulator.customers import CustomerAct, CustomerTurn, customer_kinds
from simulator.models import Outcome, PersonaInstance, RunConfig, Transcript
from simulator.runs import run_suite
from simulator.specs import Persona
from simulator.testing import HttpAgentServer, OpenAICompatibleServer

LATENCY_S = 0.2
AGENT_REPLIES = 8
PERSONA = "worried_parent"
LOCALES = ["en_US", "zh_CN"]
MODEL = "gpt-bench"
SYSTEM_PROMPT = "You are a helpful sales agent for a tutoring centre."
CUSTOMER_KIND = "bench8"

QUESTIONS = {
    "en_US": [
        "Hi, my son is struggling with maths. Can you help?",
        "How much does it cost?",
        "How big are the classes?",
        "Who are the teachers?",
        "Is there a trial lesson?",
        "What times are the lessons?",
        "Is it online or in person?",
        "How do you track progress?",
        "Can I get a refund?",
    ],
    "zh_CN": [
        "你好，我孩子数学成绩不好，你们能帮忙吗？",
        "学费多少？",
        "一个班多少人？",
        "老师是什么背景？",
        "可以试听吗？",
        "上课时间是什么时候？",
        "线上还是线下？",
        "怎么跟踪学习进度？",
        "可以退费吗？",
    ],
}


# --- the bench customer --------------------------------------------------------------------------


class EightTurnCustomer:
    """Opens, asks a short question after every agent reply, and ends after eight replies.

    Follows salesim's ``Customer`` protocol: ``next(transcript, now) -> CustomerTurn | None``.
    """

    def __init__(self, persona: Persona, instance: PersonaInstance) -> None:
        self.questions = QUESTIONS.get(persona.locale, QUESTIONS["en_US"])

    def next(self, transcript: Transcript, now: datetime) -> CustomerTurn | None:
        """The opening on an empty transcript, a question per reply, the end at the 8th reply."""
        if not transcript.messages:
            return CustomerTurn(self.questions[0], CustomerAct.OPEN, delay_s=5)
        replies = sum(1 for message in transcript.messages if message.role == "agent")
        if replies >= AGENT_REPLIES:
            return CustomerTurn(
                None, CustomerAct.GOODBYE, delay_s=5, end=Outcome.ENDED_NO_LEAD, reason="done"
            )
        question = self.questions[replies % len(self.questions)]
        return CustomerTurn(question, CustomerAct.ASK, delay_s=5)


if CUSTOMER_KIND not in customer_kinds:
    customer_kinds.register(CUSTOMER_KIND)(EightTurnCustomer)

SLEEP_AGENT = "concurrency:sleep_agent"
"""The control agent, as ``--agent`` takes it (``module:attr``; bench/ is on sys.path)."""
sleep_agent_calls = [0]


async def sleep_agent(transcript: Transcript) -> str:
    """A control agent: no network, no model; answers after the same 200 ms."""
    sleep_agent_calls[0] += 1
    await asyncio.sleep(LATENCY_S)
    return "Thanks for your question. We can help with that."


# --- salesim ------------------------------------------------------------------------------------


def write_agent_spec(directory: Path, base_url: str) -> Path:
    """An ``openai`` agent spec pointing at the local server: no key, no retries, 10 s timeout."""
    path = directory / "bench-remote.yaml"
    path.write_text(
        "kind: openai\n"
        "id: bench-remote\n"
        f"model: {MODEL}\n"
        f"base_url: {base_url}/v1\n"
        "api_key_env: null\n"
        "retries: 0\n"
        "timeout_s: 10\n"
        f"system_prompt: {SYSTEM_PROMPT}\n",
        encoding="utf-8",
    )
    return path


def write_http_agent_spec(directory: Path, reply_url: str) -> Path:
    """An ``http`` agent spec for the test HTTP agent server: no retries, 10 s timeout."""
    path = directory / "bench-http.yaml"
    path.write_text(
        f"kind: http\nid: bench-http\nurl: {reply_url}\nretries: 0\ntimeout_s: 10\n",
        encoding="utf-8",
    )
    return path


def salesim_config(
    agent: str, out: Path, n: int, concurrency: int, run_id: str, workers: int = 1
) -> RunConfig:
    return RunConfig(
        workers=workers,
        agents=[agent],
        baseline_agent=None,
        personas=[PERSONA],
        locales=LOCALES,
        n=n,
        concurrency=concurrency,
        customer=CUSTOMER_KIND,
        cache=None,
        out=str(out),
        run_id=run_id,
    )


def measured(count: Callable[[], int], body: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``body`` and add wall time, agent calls, and CPU of the process and of this thread."""
    before = count()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker processes, once joined
    thread_cpu = time.thread_time()
    started = time.perf_counter()
    result = body()
    elapsed = time.perf_counter() - started
    thread_cpu = time.thread_time() - thread_cpu
    after = resource.getrusage(resource.RUSAGE_SELF)
    after_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (usage.ru_utime + usage.ru_stime)
    cpu += (after_children.ru_utime + after_children.ru_stime) - (
        children.ru_utime + children.ru_stime
    )
    return {
        **result,
        "elapsed": elapsed,
        "calls": count() - before,
        "cpu": cpu,
        "loop_cpu": thread_cpu,  # asyncio.run drives the event loop in this thread
    }


def run_salesim(
    count: Callable[[], int],
    agent: str,
    out: Path,
    n: int,
    concurrency: int,
    label: str,
    workers: int = 1,
) -> dict[str, Any]:
    """One ``salesim run`` of the bench workload; ``count`` reads the agent calls made so far."""
    config = salesim_config(
        agent, out, n, concurrency, f"{label}-c{concurrency}-w{workers}", workers
    )

    def body() -> dict[str, Any]:
        _, summary = run_suite(config)
        (stats,) = summary["agents"].values()
        return {
            "conversations": summary["conversations"],
            "outcomes": stats.get("outcomes"),
            "workers": summary["workers"],
        }

    return measured(count, body)


# --- openevals ------------------------------------------------------------------------------------


def run_openevals(server: ServerProcess, n: int, concurrency: int) -> dict[str, Any]:
    """The same workload through openevals: an app calling ChatOpenAI, a fixed 8-question user.

    openevals runs one simulation per call; its docs batch them through LangSmith's ``evaluate``,
    which needs a LangSmith account and dataset, so the simulations run here under
    ``asyncio.gather`` with a semaphore. The app gets the same kind of HTTP client as salesim's
    ``openai`` agent (``httpx.AsyncClient(timeout=10)``) so both use the same transport.
    """
    import httpx
    from langchain_openai import ChatOpenAI
    from openevals.simulators import run_multiturn_simulation_async

    async def main() -> dict[str, Any]:
        http_client = httpx.AsyncClient(timeout=10)  # as salesim's openai agent builds it
        model = ChatOpenAI(
            model=MODEL,
            api_key="not-needed",
            base_url=f"{server.url}/v1",
            max_retries=0,
            timeout=10,
            temperature=0.0,
            http_async_client=http_client,
        )
        histories: dict[str, list[dict[str, str]]] = {}

        async def app(inputs: dict[str, Any], *, thread_id: str, **kwargs: Any) -> dict[str, Any]:
            # The app keeps its own history per thread (openevals passes only the new message).
            history = histories.setdefault(thread_id, [])
            history.append({"role": "user", "content": inputs["content"]})
            messages = [{"role": "system", "content": SYSTEM_PROMPT}, *history]
            response = await model.ainvoke(messages)
            history.append({"role": "assistant", "content": str(response.content)})
            return {"role": "assistant", "content": response.content}

        semaphore = asyncio.Semaphore(concurrency)

        async def one(index: int, locale: str) -> Any:
            async with semaphore:
                return await run_multiturn_simulation_async(
                    app=app,
                    user=QUESTIONS[locale][:AGENT_REPLIES],
                    max_turns=AGENT_REPLIES,
                    thread_id=f"{locale}-{index}",
                )

        try:
            results = await asyncio.gather(
                *(one(i, locale) for locale in LOCALES for i in range(n))
            )
        finally:
            await http_client.aclose()
        replies = [sum(1 for m in r["trajectory"] if m["role"] == "assistant") for r in results]
        return {"conversations": len(results), "replies_per_conversation": sorted(set(replies))}

    return measured(lambda: server.requests, lambda: asyncio.run(main()))


# --- reporting ----------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    """Peak RSS of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(label: str, concurrency: int, result: dict[str, Any]) -> float:
    elapsed, calls = result["elapsed"], result["calls"]
    ideal = calls * LATENCY_S / concurrency
    efficiency = ideal / elapsed
    per_call = 1000 / max(calls, 1)
    print(
        f"{label:<9} c={concurrency:<3} w={result.get('workers', 1)} "
        f"wall {elapsed:6.2f} s  calls {calls:5d}  "
        f"ideal {ideal:5.2f} s  efficiency {efficiency:5.3f}  "
        f"{result['conversations'] / elapsed:5.1f} conv/s  peak RSS {peak_rss_mb():4.0f} MB  "
        f"CPU/call {result['cpu'] * per_call:4.2f} ms "
        f"(loop thread {result['loop_cpu'] * per_call:4.2f})"
    )
    return efficiency


def wave_bound(conversations: int, concurrency: int) -> float:
    """Best efficiency reachable with equal conversations: the last wave runs part-empty."""
    waves = -(-conversations // concurrency)
    return conversations / (waves * concurrency)


def _owner(filename: str, function: str) -> str:
    """Who a profiled function belongs to: a package, a simulator module, the stdlib, C code."""
    if "site-packages/" in filename:
        parts = filename.split("site-packages/")[1].split("/")
        if parts[0] == "openai" and len(parts) > 2 and parts[1] == "_utils":
            return f"openai/_utils/{parts[2]}"  # the request transform lives here
        return parts[0]
    if "/simulator/" in filename:
        return "simulator/" + Path(filename).name
    if filename.startswith("~"):
        return "C: " + function.split(" at 0x")[0].strip("<>")[:48]
    if "/lib/python3" in filename:
        return "stdlib/" + filename.split("/lib/python3")[1].split("/")[1]
    return Path(filename).name


def profile_salesim(server: ServerProcess, spec: Path, out: Path, n: int, concurrency: int) -> None:
    """cProfile one run (event-loop thread only) and print time by package and by function."""
    profiler = cProfile.Profile()
    profiler.enable()
    result = run_salesim(
        lambda: server.requests, str(spec), out, n, concurrency, "profile", workers=1
    )
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    by_owner: Counter[str] = Counter()
    by_function: Counter[str] = Counter()
    for (filename, line, function), (_, _, tottime, _, _) in stats.items():
        by_owner[_owner(filename, function)] += tottime
        short = filename.split("site-packages/")[-1].split("/work/main/")[-1]
        by_function[f"{short}:{line}({function})"] += tottime
    total = sum(by_owner.values())
    calls = max(result["calls"], 1)
    print(
        f"\ncProfile of salesim at c={concurrency}: wall {result['elapsed']:.2f} s under the "
        f"profiler, {total:.2f} s profiled ({1000 * total / calls:.2f} ms per model call)"
    )
    print("--- own time by owner (top 20) ---")
    for owner, seconds in by_owner.most_common(20):
        print(f"  {seconds:6.2f} s  {100 * seconds / total:5.1f} %  {owner}")
    print("--- own time by function (top 12) ---")
    for function, seconds in by_function.most_common(12):
        print(f"  {seconds:6.2f} s  {100 * seconds / total:5.1f} %  {function}")
    cumulative = {
        f"{Path(f).name}:{fn}": ct for (f, _, fn), (_, _, _, ct, _) in stats.items()
    }  # cumulative time of the pieces the conclusions name
    own = sum(seconds for owner, seconds in by_owner.items() if owner.startswith("simulator/"))
    print(f"  own time in simulator/ code: {own:.2f} s ({100 * own / total:.1f} %)")
    connects = sum(
        ncalls for (_, _, fn), (_, ncalls, _, _, _) in stats.items() if "'connect' of" in fn
    )
    print(f"  TCP connects opened: {connects} for {result['calls']} model calls")
    for key in (
        "_transform.py:async_transform",
        "connection_pool.py:_assign_requests_to_connections",
        "scoring.py:score_safely",
        "results.py:add",
    ):
        if key in cumulative:
            print(f"  cumulative {cumulative[key]:6.2f} s  {key}")


class ServerProcess:
    """The OpenAI-compatible test server in a process of its own, as a provider would be.

    In this process its threads would take the GIL from salesim's event loop (and a parent
    with threads must spawn its workers instead of forking them). Exposes what the bench reads
    of an :class:`OpenAICompatibleServer`: ``url``, ``requests``, ``by_mode``, ``errors``.
    """

    def __init__(self, latency_s: float, nodelay: bool) -> None:
        context = multiprocessing.get_context("spawn")
        self._pipe, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, latency_s, nodelay), daemon=True
        )

    def __enter__(self) -> ServerProcess:
        self._process.start()
        self.url: str = self._pipe.recv()
        return self

    def __exit__(self, *exc: object) -> None:
        self._pipe.send("stop")
        self._process.join(timeout=10)

    def _stats(self) -> dict[str, Any]:
        self._pipe.send("stats")
        return self._pipe.recv()  # type: ignore[no-any-return]

    @property
    def requests(self) -> int:
        return int(self._stats()["requests"])

    @property
    def by_mode(self) -> dict[str, int]:
        return self._stats()["by_mode"]  # type: ignore[no-any-return]

    @property
    def errors(self) -> list[str]:
        return self._stats()["errors"]  # type: ignore[no-any-return]


def _serve(pipe: Any, latency_s: float, nodelay: bool) -> None:
    with OpenAICompatibleServer(latency_s=latency_s) as server:
        if nodelay:
            set_server_nodelay(server)
        pipe.send(server.url)
        while (command := pipe.recv()) != "stop":
            assert command == "stats"
            pipe.send(
                {
                    "requests": server.requests,
                    "by_mode": server.by_mode,
                    "errors": [str(error) for error in server.errors],
                }
            )


def set_server_nodelay(server: OpenAICompatibleServer | HttpAgentServer) -> None:
    """No Nagle delay: TCP_NODELAY on every connection a test server accepts (a diagnostic)."""
    httpd = server._httpd
    process_request = type(httpd).process_request

    def with_nodelay(request: socket.socket, client_address: Any) -> None:
        request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        process_request(httpd, request, client_address)

    httpd.process_request = with_nodelay  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=150, help="conversations per persona and locale")
    parser.add_argument("--concurrency", default="32,64", help="comma-separated levels")
    parser.add_argument("--workers", type=int, default=1, help="salesim --workers (default 1)")
    parser.add_argument("--no-peer", action="store_true", help="skip the openevals comparison")
    parser.add_argument("--no-controls", action="store_true", help="skip the control rows")
    parser.add_argument("--profile", action="store_true", help="cProfile one more salesim run")
    parser.add_argument(
        "--server-nodelay", action="store_true", help="TCP_NODELAY on the test server's sockets"
    )
    args = parser.parse_args()
    levels = [int(x) for x in args.concurrency.split(",")]
    # `concurrency:sleep_agent` must resolve to this module, not to a second copy of it.
    sys.modules.setdefault("concurrency", sys.modules[__name__])
    os.environ["LANGSMITH_TRACING"] = "false"  # openevals' @traceable must not call out

    total = args.n * len(LOCALES)
    print(
        f"{total} conversations x {AGENT_REPLIES} agent replies, server latency "
        f"{LATENCY_S * 1000:.0f} ms, cache off; python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}"
    )
    bench_started = time.perf_counter()
    # Import the model stack now: a one-off cost of the process, not of the first run measured.
    import langchain_openai  # noqa: F401

    import simulator.remote  # noqa: F401

    server = ServerProcess(LATENCY_S, nodelay=args.server_nodelay)
    with server, tempfile.TemporaryDirectory() as tmp:
        nodelay = ", TCP_NODELAY on (diagnostic)" if args.server_nodelay else ""
        print(f"test server: its own process{nodelay}")
        directory = Path(tmp)
        spec = write_agent_spec(directory, server.url)
        salesim: dict[int, dict[str, Any]] = {}

        def requests() -> int:
            return server.requests

        for concurrency in levels:
            salesim[concurrency] = run_salesim(
                requests, str(spec), directory, args.n, concurrency, "salesim", args.workers
            )
            efficiency = report("salesim", concurrency, salesim[concurrency])
            bound = wave_bound(total, concurrency)
            verdict = "OK" if efficiency >= 0.85 else "BELOW GOAL"
            print(
                f"          outcomes {salesim[concurrency]['outcomes']}  goal >= 0.85: {verdict} "
                f"(upper bound from the part-empty last wave: {bound:.3f})"
            )
        if args.no_peer:
            print("openevals: skipped (--no-peer)")
        else:
            try:
                import openevals.simulators  # noqa: F401
            except ImportError as exc:
                print(f"openevals: cannot run ({exc}); `pip install openevals` into .venv")
            else:
                for concurrency in levels:
                    peer = run_openevals(server, args.n, concurrency)
                    report("openevals", concurrency, peer)
                    ratio = salesim[concurrency]["elapsed"] / peer["elapsed"]
                    print(
                        f"          replies per conversation {peer['replies_per_conversation']}  "
                        f"salesim/openevals wall-time ratio {ratio:.2f} (< 1: salesim faster)"
                    )
        if not args.no_controls:
            top = max(levels)
            control = run_salesim(
                lambda: sleep_agent_calls[0], SLEEP_AGENT, directory, args.n, top, "sleep", 1
            )
            report("ctl:sleep", top, control)
            print("          control: salesim engine + an agent that sleeps 200 ms (no network)")
            with HttpAgentServer(latency_s=LATENCY_S) as agent_server:
                if args.server_nodelay:
                    set_server_nodelay(agent_server)
                http_spec = write_http_agent_spec(directory, agent_server.reply_url)
                control = run_salesim(
                    lambda: agent_server.requests,
                    str(http_spec),
                    directory,
                    args.n,
                    top,
                    "http",
                    1,
                )
            report("ctl:http", top, control)
            print("          control: salesim engine + `http` agent (httpx, no LangChain/openai)")
        if args.profile:
            profile_salesim(server, spec, directory, args.n, max(levels))
        print(f"server errors: {server.errors or 'none'}; by mode: {server.by_mode}")
    print(
        f"total bench time {time.perf_counter() - bench_started:.1f} s, "
        f"load average {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()

"""A standard-library client for `bench serve`: rewards for RL trainers.

    bench serve --suite quick            # http://127.0.0.1:8321 by default

    from genbench_client import score, compute_score, trl_reward, Environment

Server address: GENBENCH_URL (default http://127.0.0.1:8321); token: GENBENCH_SERVE_TOKEN.

- score(batch): a list of {"generator", "truth", "response"} (or {"id", "response"}) dicts in,
  one result dict per request out (verdict, reward in [0, 1], details, verifierVersion), in order.
- compute_score(data_source, solution_str, ground_truth, extra_info): verl's custom reward
  function for rows written by `bench generate --format verl`.
- trl_reward(prompts, completions, generator, truth, **kwargs): a TRL reward function for rows
  written by `bench generate --format trl`.
- Environment: the multi-turn API (Sokoban closed loop, 24-game revision), and play() for a loop.

A reward server that cannot be reached raises GenbenchError after a few retries: a silent 0
would train the policy on a broken signal.
"""
from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from typing import Any, Callable, Iterable, Optional

DEFAULT_URL = "http://127.0.0.1:8321"
VERL_PREFIX = "genbench/"
#: Requests and bytes per HTTP call; larger batches are split (the server refuses bodies over
#: its --max-body-mb, 32 MiB by default).
CHUNK = 1024
CHUNK_BYTES = 8 * 1024 * 1024


class GenbenchError(RuntimeError):
    """The server could not be reached, or refused a request (the reason is in the message)."""


class Client:
    def __init__(self, url: Optional[str] = None, token: Optional[str] = None, timeout: float = 120.0, retries: int = 3):
        self.url = (url or os.environ.get("GENBENCH_URL") or DEFAULT_URL).rstrip("/")
        self.token = token if token is not None else os.environ.get("GENBENCH_SERVE_TOKEN")
        self.timeout = timeout
        self.retries = retries

    def request(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        headers = {"content-type": "application/json"}
        if self.token:
            headers["authorization"] = "Bearer " + self.token
        last: Optional[Exception] = None
        for attempt in range(self.retries + 1):
            req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as res:
                    return json.loads(res.read().decode("utf-8"))
            except urllib.error.HTTPError as err:
                try:
                    reply = json.loads(err.read().decode("utf-8"))
                    reason = "%s: %s" % (reply.get("error"), reply.get("reason"))
                except Exception:  # not our JSON error body
                    reason = str(err)
                if err.code < 500 or attempt == self.retries:
                    raise GenbenchError("%s %s -> HTTP %d %s" % (method, path, err.code, reason)) from None
                last = err
            except (urllib.error.URLError, ConnectionError, TimeoutError) as err:
                last = err
            time.sleep(min(2.0, 0.2 * 2 ** attempt))
        raise GenbenchError("cannot reach genbench at %s: %s (start it with 'bench serve')" % (self.url, last))

    def score(self, batch: Iterable[dict]) -> list:
        out: list = []
        chunk: list = []
        size = 0
        for item in batch:
            n = len(json.dumps(item))
            if chunk and (len(chunk) >= CHUNK or size + n > CHUNK_BYTES):
                out.extend(self.request("POST", "/score", {"requests": chunk})["results"])
                chunk, size = [], 0
            chunk.append(item)
            size += n
        if chunk:
            out.extend(self.request("POST", "/score", {"requests": chunk})["results"])
        return out

    def items(self, **query: Any) -> dict:
        return self.request("POST", "/items", query)

    def health(self) -> dict:
        return self.request("GET", "/health")


_default: Optional[Client] = None


def _client() -> Client:
    global _default
    if _default is None:
        _default = Client()
    return _default


def score(batch: Iterable[dict], client: Optional[Client] = None) -> list:
    """Scores a batch; each result has 'reward' (0..1) and 'verdict', or 'error' for a bad request."""
    return (client or _client()).score(batch)


def _truth_of(ground_truth: Any) -> Any:
    return json.loads(ground_truth) if isinstance(ground_truth, (str, bytes)) else ground_truth


def compute_score(data_source: str, solution_str: str, ground_truth: Any, extra_info: Optional[dict] = None, **_: Any) -> float:
    """verl custom_reward_function (custom_reward_function.path=genbench_client.py, name=compute_score)."""
    generator = (extra_info or {}).get("generator") or (data_source[len(VERL_PREFIX):] if data_source.startswith(VERL_PREFIX) else data_source)
    [result] = score([{"generator": generator, "truth": _truth_of(ground_truth), "response": solution_str}])
    if "error" in result:
        raise GenbenchError(result["error"])
    return float(result["reward"])


def _completion_text(completion: Any) -> str:
    """TRL passes plain strings, or (conversational datasets) a list of messages."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, list) and completion:
        last = completion[-1]
        if isinstance(last, dict):
            content = last.get("content", "")
            return content if isinstance(content, str) else ""
    return ""


def trl_reward(prompts: list, completions: list, generator: list, truth: list, **_: Any) -> list:
    """TRL reward function: GRPOTrainer(reward_funcs=[trl_reward], ...) with a --format trl dataset."""
    batch = [{"generator": g, "truth": _truth_of(t), "response": _completion_text(c)} for c, g, t in zip(completions, generator, truth)]
    results = score(batch)
    bad = [r["error"] for r in results if "error" in r]
    if bad:
        raise GenbenchError(bad[0])
    return [float(r["reward"]) for r in results]


class Environment:
    """Multi-turn items as an environment: reset() -> observation, step(reply) -> (observation, reward, done, info)."""

    def __init__(self, client: Optional[Client] = None):
        self.client = client or _client()
        self.episode: Optional[str] = None

    def reset(self, generator: Optional[str] = None, truth: Any = None, **item: Any) -> list:
        body = dict(item)
        if generator is not None:
            body["generator"] = generator
        if truth is not None:
            body["truth"] = truth
        reply = self.client.request("POST", "/episodes", body)
        self.episode = reply["episode"]
        return reply["observation"]["messages"]

    def step(self, response: str):
        if self.episode is None:
            raise GenbenchError("call reset() first")
        reply = self.client.request("POST", "/episodes/%s/step" % self.episode, {"response": response})
        if reply["done"]:
            self.episode = None
        observation = reply.get("observation", {}).get("messages")
        return observation, reply["reward"], reply["done"], reply

    def close(self) -> None:
        if self.episode is not None:
            self.client.request("DELETE", "/episodes/%s" % self.episode)
            self.episode = None


def play(policy: Callable[[list], str], generator: str = "instruct/sokoban", truth: Any = None, params: Optional[dict] = None,
         seed: int = 0, index: int = 0, client: Optional[Client] = None, max_turns: int = 200) -> dict:
    """One episode: policy(messages) -> reply, until done. Returns the last step's reply (reward, result)."""
    env = Environment(client)
    if truth is not None:
        observation = env.reset(generator, truth)
    else:
        observation = env.reset(generator, params=params or {}, seed=seed, index=index)
    try:
        for _ in range(max_turns):
            observation, reward, done, info = env.step(policy(observation))
            if done:
                return info
        raise GenbenchError("the episode did not end within %d turns" % max_turns)
    finally:
        env.close()


if __name__ == "__main__":
    # A quick look: a random Sokoban player against a running server.
    import random
    import sys

    client = Client(sys.argv[1] if len(sys.argv) > 1 else None)
    print(client.health())
    labels = ["Up", "Down", "Left", "Right"]
    info = play(lambda messages: "<answer> %s </answer>" % random.choice(labels), client=client)
    print("random Sokoban player: reward %s, %s" % (info["reward"], info["result"].get("reason", "solved")))

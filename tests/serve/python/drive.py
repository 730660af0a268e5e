"""Drives examples/python/genbench_client.py against a running `bench serve` for the vitest test.

argv: <server url> <cases.jsonl> ; prints one JSON object with everything the test asserts.
Each case: {generator, truth, reference, random, multiTurn, sokoban?}.
"""
import json
import os
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples", "python"))
import genbench_client as gc  # noqa: E402

url, cases_path = sys.argv[1], sys.argv[2]
os.environ["GENBENCH_URL"] = url
cases = [json.loads(line) for line in open(cases_path, encoding="utf-8") if line.strip()]
out = {}

# Every shipped suite's reference answers, and baseline:random's answers.
ref = gc.score([{"generator": c["generator"], "truth": c["truth"], "response": c["reference"]} for c in cases])
out["reference"] = [r.get("reward") if "error" not in r else r["error"] for r in ref]
rnd = gc.score([{"generator": c["generator"], "truth": c["truth"], "response": c["random"]} for c in cases])
out["random"] = [r.get("reward") if "error" not in r else r["error"] for r in rnd]

# Garbage: empty, huge, binary, wrong types. Reward 0, no error, no server failure.
g0 = cases[0]
junk = ["", "x" * 2_000_000, "\x00\x01\xff\ufffd" * 1000, bytes(range(256)).decode("latin-1"), 12345, None, ["Up"], {"formula": "1"}, True, 1.5]
garbage = gc.score([{"generator": c["generator"], "truth": c["truth"], "response": j} for c in cases[:40] for j in junk])
out["garbage"] = {"n": len(garbage), "nonzero": sum(1 for r in garbage if r.get("reward") != 0), "errors": [r["error"] for r in garbage if "error" in r][:3]}
bad_requests = gc.score([{}, {"generator": "nope", "truth": {}, "response": "x"}, {"generator": g0["generator"], "response": "x"}, 5, "text", None])
out["badRequests"] = [("error" in r) for r in bad_requests]

# Concurrent clients get the same results as one client.
batch = [{"generator": c["generator"], "truth": c["truth"], "response": c[k]} for c in cases[:200] for k in ("reference", "random")]
expected = gc.score(batch)
seen = []
errors = []

def worker():
    try:
        seen.append(gc.Client(url).score(batch))
    except Exception as err:  # reported to the test
        errors.append(repr(err))

threads = [threading.Thread(target=worker) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join(120)
out["concurrent"] = {"clients": len(seen), "consistent": all(s == expected for s in seen), "errors": errors}

# verl's compute_score and TRL's reward function on the same items.
single = [c for c in cases if not c["multiTurn"]][:30]
out["verl"] = [gc.compute_score("genbench/" + c["generator"], c["reference"], json.dumps(c["truth"]), {"index": i}) for i, c in enumerate(single)]
out["verlRandom"] = [gc.compute_score("genbench/" + c["generator"], c["random"], json.dumps(c["truth"]), None) for c in single]
out["trl"] = gc.trl_reward(
    prompts=[[{"role": "user", "content": "?"}] for _ in single],
    completions=[[{"role": "assistant", "content": c["reference"]}] for c in single],
    generator=[c["generator"] for c in single],
    truth=[json.dumps(c["truth"]) for c in single],
)

# Sokoban closed loop through the environment API: the optimal plan wins, a wall-hugger does not.
soko = [c for c in cases if c.get("sokoban")][:3]
plays = []
for c in soko:
    plan = iter(c["truth"]["plan"])
    labels = c["truth"]["labels"]
    info = gc.play(lambda messages: "<answer> %s </answer>" % labels[next(plan)], generator=c["generator"], truth=c["truth"])
    plays.append({"reward": info["reward"], "done": info["done"], "turn": info["turn"]})
info = gc.play(lambda messages: "no action", generator="instruct/sokoban", params={"maxTurns": 5})
out["sokoban"] = {"plans": plays, "idle": {"reward": info["reward"], "done": info["done"], "turn": info["turn"]}}
try:
    gc.Environment().step("x")
    out["stepWithoutReset"] = "no error"
except gc.GenbenchError as err:
    out["stepWithoutReset"] = str(err)
try:
    gc.Client(url).request("POST", "/episodes/00000000-0000-0000-0000-000000000000/step", {"response": "x"})
    out["unknownEpisode"] = "no error"
except gc.GenbenchError as err:
    out["unknownEpisode"] = str(err)

print(json.dumps(out))

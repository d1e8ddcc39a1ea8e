"""Worker throughput: articles per minute with 1 and 2 worker processes (eSpeak, SQLite queue).

    PYTHONPATH=src python benchmarks/worker.py [--articles 16] [--paragraphs 4]

Time is measured from the first job's start to the last job's finish, read from the job records,
so process start-up and imports are not counted. Target on a 2-core machine: 2 workers >= 1.8x.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.worker_helpers import write_articles  # noqa: E402 - after the path set-up above

from bacakan.worker.jobs import DONE, FAILED  # noqa: E402
from bacakan.worker.tasks import Service, WorkerSettings  # noqa: E402


def run(workers: int, articles: list[Path], tmp: Path) -> float:
    """Articles per minute for ``workers`` processes."""
    queue, out = f"sqlite://{tmp / f'queue-{workers}.db'}", tmp / f"out-{workers}"
    svc = Service(queue, WorkerSettings(out=out))
    for path in articles:
        svc.submit(str(path))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), BACAKAN_QUEUE=queue, BACAKAN_OUT=str(out))
    with (tmp / f"worker-{workers}.log").open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "bacakan", "worker", "--workers",
                                 str(workers)], env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            while not all(j.state in (DONE, FAILED) for j in svc.jobs.all()):
                time.sleep(0.2)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(60)
    jobs = svc.jobs.all()
    failed = [j for j in jobs if j.state == FAILED]
    if failed:
        raise SystemExit(f"{len(failed)} jobs failed, e.g. {failed[0].error}")
    span = max(j.updated for j in jobs) - min(j.started or j.updated for j in jobs)
    return len(jobs) / span * 60


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=16)
    parser.add_argument("--paragraphs", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        articles = write_articles(tmp / "in", args.articles, args.paragraphs)
        one = run(1, articles, tmp)
        print(f"1 worker:  {one:6.1f} articles/min", flush=True)
        two = run(2, articles, tmp)
        print(f"2 workers: {two:6.1f} articles/min", flush=True)
        print(f"ratio:     {two / one:6.2f}x (target >= 1.8x on 2 cores; os.cpu_count()="
              f"{os.cpu_count()})")
        # The ratio only means something on an otherwise idle machine: show how idle it was.
        print("load average (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()

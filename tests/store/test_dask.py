"""The batch on a Dask cluster (LocalCluster on 127.0.0.1): workers compute, this process writes."""

from __future__ import annotations

import os
import signal
import time

import pytest

from ico_lens.errors import InputError
from ico_lens.store.compute import Options
from ico_lens.store.database import open_store
from ico_lens.store.plan import read_plan
from ico_lens.store.runner import run
from ico_lens.store.writer import StoreWriter

from .conftest import batch, count, per_key, write_paper

distributed = pytest.importorskip("distributed")

OPTIONS = Options(stages=("paper", "language"), use_models=False)


def test_a_dask_batch_stores_what_a_local_one_does(papers, tmp_path):
    local, remote = tmp_path / "local.db", tmp_path / "dask.db"
    assert batch(papers, "--db", local, "--no-models", "--stages", "paper,language") == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, host="127.0.0.1", protocol="tcp",
                                  dashboard_address=None) as cluster:
        assert batch(papers, "--db", remote, "--no-models", "--stages", "paper,language",
                     "--engine", "dask", "--scheduler", cluster.scheduler_address) == 0
    for table in ("documents", "allocations", "language_scores", "sentence_labels", "records"):
        assert per_key(remote, table) == per_key(local, table), table


def test_no_scheduler_is_bad_input(papers, tmp_path, capsys):
    assert batch(papers, "--db", tmp_path / "c.db", "--engine", "dask") == 2
    assert "--engine dask needs --scheduler" in capsys.readouterr().err
    store = open_store(tmp_path / "c.db")
    with pytest.raises(InputError, match="no Dask scheduler answers at tcp://127.0.0.1:9"):
        run(read_plan(str(papers)), StoreWriter(store, "c.db"), OPTIONS, engine="dask", scheduler="tcp://127.0.0.1:9", connect_timeout=1)
    assert store["items"].count == 0
    store.close()


class _KillingWriter(StoreWriter):
    """Kills one worker process (SIGKILL) once the first paper is written."""

    def __init__(self, db, path, victim: int):
        super().__init__(db, path)
        self.victim = victim

    def write(self, unit):
        super().write(unit)
        if self.victim:
            os.kill(self.victim, signal.SIGKILL)
            self.victim = 0


@pytest.mark.slow
def test_a_worker_killed_mid_run_costs_a_retry_not_a_record(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    for i in range(10):
        write_paper(folder / f"p{i}.txt", f"Project{i}", pages=8)
    db = tmp_path / "corpus.db"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
        store = open_store(db)
        writer = _KillingWriter(store, str(db), victim=max(pids.values()))
        summary = run(read_plan(str(folder)), writer, OPTIONS, engine="dask", scheduler=cluster.scheduler_address)
        store.close()
        deadline = time.monotonic() + 30  # the nanny restarts the killed worker
        while len(client.scheduler_info()["workers"]) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert set(client.run(os.getpid).values()) != set(pids.values()), "a worker was killed and replaced"
    assert summary.done == 10 and summary.failed == 0
    assert set(per_key(db, "documents").values()) == {1} and len(per_key(db, "documents")) == 10
    assert count(db, "SELECT COUNT(*) FROM items WHERE status = 'done'") == 10

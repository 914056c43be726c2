"""The data folder turns full or read-only during a build: one line naming the folder, exit 1, and
the next run recovers with nothing lost.

The faults are real: the data folder is a small ext4 filesystem on a loop device (mounted with
`errors=remount-ro`), filled with a file for "full", and sent into the kernel's emergency
read-only state through /sys/fs/ext4/<dev>/trigger_fs_error for "read-only" (what a disk error
does: every write fails with EROFS, open files too). Mounting needs root; without it these tests
are skipped with that reason (as a non-root user `chmod` would not stop the store either: its
append-only file is already open for writing).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from hospnet.graph import falkordb_server
from hospnet.settings import Settings

from .conftest import build_under_way, cli_env, export, hospnet, write_documents
from .test_resume import summary_count


class Ext4Image:
    """A small ext4 filesystem in a file, mounted on a loop device at `mount`."""

    def __init__(self, size_mb: int) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="hf-"))
        self.image = self.folder / "disk.img"
        self.mount = self.folder / "m"
        self.mount.mkdir()
        with open(self.image, "wb") as handle:
            handle.truncate(size_mb << 20)
        run("mkfs.ext4", "-q", "-m", "0", str(self.image))
        self.mount_it()

    def mount_it(self) -> None:
        run("mount", "-o", "loop,errors=remount-ro", str(self.image), str(self.mount))

    def device(self) -> str:
        return Path(run("findmnt", "-no", "SOURCE", str(self.mount))).name

    def fill(self, leave_kb: int) -> Path:
        """A file that takes all the space but `leave_kb`."""
        free = shutil.disk_usage(self.mount).free
        filler = self.mount / "filler"
        run("fallocate", "-l", str(free - leave_kb * 1024), str(filler))
        return filler

    def break_it(self) -> None:
        """An ext4 error: the kernel turns the filesystem read-only for every writer."""
        Path(f"/sys/fs/ext4/{self.device()}/trigger_fs_error").write_text("1")

    def repair(self) -> None:
        """What an administrator does: unmount, check, mount again."""
        for _ in range(100):  # the stopped server may still be closing its files
            if subprocess.run(["umount", str(self.mount)], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        else:
            holders = subprocess.run(
                ["fuser", "-vm", str(self.mount)], capture_output=True, text=True
            )
            raise AssertionError(f"cannot unmount {self.mount}: {holders.stderr[-2000:]}")
        subprocess.run(["e2fsck", "-fy", str(self.image)], capture_output=True)  # 1: fixed
        self.mount_it()

    def remove(self) -> None:
        subprocess.run(["umount", "-l", str(self.mount)], capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def run(*command: str) -> str:
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(command)}: {result.stderr}"
    return result.stdout.strip()


@pytest.fixture
def disk():
    if os.geteuid() != 0:
        pytest.skip("mounting a loop ext4 image needs root (CAP_SYS_ADMIN)")
    image = Ext4Image(8)
    yield image
    data = image.mount / "data"
    pid = falkordb_server.server_pid(data)
    if pid is not None:
        os.kill(pid, 9)
    image.remove()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_documents(tmp_path_factory.mktemp("dff") / "corpus", 500)


@pytest.fixture(scope="module")
def expected(corpus, tmp_path_factory) -> list[dict]:
    """The graph a build of the corpus makes when nothing goes wrong."""
    folder = Path(tempfile.mkdtemp(prefix="hc-"))
    settings = Settings(store="falkordb", data_dir=folder, graph_name="hospnet", _env_file=None)
    try:
        built = hospnet(settings, "build", str(corpus))
        assert built.returncode == 0, built.stderr
        return export(settings)
    finally:
        falkordb_server.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)


def embedded_on(disk: Ext4Image) -> Settings:
    return Settings(
        store="falkordb", data_dir=disk.mount / "data", graph_name="hospnet", _env_file=None
    )


def error_lines(stderr: str) -> list[str]:
    return [
        line for line in stderr.splitlines() if line.strip() and not line.startswith("building")
    ]


def test_a_data_folder_that_fills_up_stops_the_build_in_one_line(disk, corpus, expected):
    settings = embedded_on(disk)
    filler = disk.fill(leave_kb=1500)  # the corpus's append-only file takes about 3 MB
    failed = hospnet(settings, "build", str(corpus), batch_size="100")  # several commits
    assert failed.returncode == 1, failed.stdout
    lines = error_lines(failed.stderr)
    assert len(lines) == 1, failed.stderr
    assert lines[0].startswith("Error: the embedded store cannot write to its folder ")
    assert str(settings.data_dir / "falkordb") in lines[0]
    assert "No space left on device" in lines[0] and "free space" in lines[0]
    assert "Traceback" not in failed.stderr

    filler.unlink()  # the administrator frees space
    time.sleep(2)  # the server writes what it holds once a second
    resumed = hospnet(settings, "build", str(corpus))
    assert resumed.returncode == 0, resumed.stderr
    assert summary_count(resumed.stdout, "skipped (already ingested)") > 0
    assert export(settings) == expected


def test_a_data_folder_that_turns_read_only_stops_the_build_in_one_line(disk, corpus, expected):
    settings = embedded_on(disk)
    with build_under_way(settings, corpus, cli_env(settings, batch_size="100")) as (build, _):
        time.sleep(1.5)  # the server writes what it holds to its AOF once a second (appendfsync)
        assert build.poll() is None, "the build ended before the disk failed"
        disk.break_it()
        out, err = build.communicate(timeout=300)
    assert build.returncode == 1, (out, err)
    lines = error_lines(err)
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: the embedded store cannot write to its folder ")
    assert str(settings.data_dir / "falkordb") in lines[0]
    assert "Read-only file system" in lines[0] and "make it writable" in lines[0]
    assert "Traceback" not in err

    stopped = hospnet(settings, "store", "stop")  # it cannot save: it stops without the snapshot
    assert stopped.returncode == 0 and "stopped" in stopped.stdout, (stopped.stdout, stopped.stderr)
    assert falkordb_server.server_pid(settings.data_dir) is None, (
        falkordb_server.server_dir(settings.data_dir) / "redis.log"
    ).read_text()[-3000:]
    disk.repair()
    resumed = hospnet(settings, "build", str(corpus))
    assert resumed.returncode == 0, resumed.stderr
    assert summary_count(resumed.stdout, "skipped (already ingested)") > 0
    assert export(settings) == expected


def test_a_ledger_that_cannot_be_saved_is_one_line(disk, rsettings, tmp_path):
    """Neo4j keeps its data elsewhere: only the failure ledger is in the data folder. On the
    embedded store the server's own folder (data/falkordb) is a filesystem of its own, a tmpfs
    mounted there, so it stays writable while the data folder around it turns read-only: the
    store takes the build's writes and only the ledger cannot be saved."""
    corpus = write_documents(tmp_path / "corpus", 5)
    (corpus / "broken.txt").write_bytes(b"")
    data = disk.mount / "ledger"
    data.mkdir()
    server_folder = falkordb_server.server_dir(data)
    if rsettings.backend == "falkordb":
        server_folder.mkdir()
        run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(server_folder))
    try:
        run("mount", "-o", "remount,ro", str(disk.mount))
        settings = rsettings
        extra = {"data_dir": str(data)}
        failed = hospnet(settings, "build", str(corpus), **extra)
        assert failed.returncode == 1, failed.stdout
        lines = error_lines(failed.stderr)
        assert len(lines) == 1, failed.stderr
        assert lines[0].startswith(f"Error: cannot save the failure ledger in {data}: ")
        assert "Read-only file system" in lines[0] and "make it writable" in lines[0]

        run("mount", "-o", "remount,rw", str(disk.mount))
        again = hospnet(settings, "build", str(corpus), **extra)
        assert again.returncode == 0, again.stderr
        assert summary_count(again.stdout, "skipped (already ingested)") == 5  # stored the 1st time
        assert str(corpus / "broken.txt") in (data / "failures.jsonl").read_text()
    finally:
        if rsettings.backend == "falkordb":
            falkordb_server.stop(data)
            subprocess.run(["umount", "-l", str(server_folder)], capture_output=True)

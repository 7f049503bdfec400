"""The kernel manager the report uses: IPC transport (Unix sockets in Jupyter's runtime folder,
one unique prefix per kernel) instead of TCP on localhost, so kernels are private to the user
and ipykernel has no reason to warn about unencrypted TCP on stderr. Imported only inside
worker processes."""
from __future__ import annotations

import os
import uuid

from jupyter_client import AsyncKernelManager
from jupyter_core.paths import jupyter_runtime_dir
from traitlets import default


class LocalKernelManager(AsyncKernelManager):
    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _default_ip(self) -> str:
        # jupyter_client's default ("kernel-ipc" in the cwd) collides between parallel kernels
        runtime = jupyter_runtime_dir()
        os.makedirs(runtime, mode=0o700, exist_ok=True)
        return os.path.join(runtime, f"newslab-{uuid.uuid4().hex[:12]}-ipc")

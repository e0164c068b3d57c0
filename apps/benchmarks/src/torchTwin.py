"""PyTorch twins of the benchmark workloads (shared/EVALUATION.md), for `pnpm bench`.

A long-lived child of steps.bench.ts. It reads one command per line on stdin,
`<workload> <steps>`, runs that many training steps, and answers with one JSON
line: {"ms": [ms per step, ...]}. The first command per workload builds the
networks and runs one untimed warm-up step. On start it prints
{"ready": true, "torch": version, "blas": the BLAS library loaded, "threads"}
or {"error": ...}.

Threads: argv[1]. The parent also sets OMP_NUM_THREADS and
OPENBLAS_NUM_THREADS to it: OpenBLAS's own pool otherwise spins on every
core, and beside another busy process a 30 ms step then takes 1.5 s.

The networks, losses, optimizers and batch sizes are those of workload.ts:
- dcgan: DCGAN on 28x28 MNIST, batch 64; G dense 100->7*7*128 (no bias), BN,
  lrelu 0.2, convT 5x5/2 -> 64 (no bias), BN, lrelu, convT 5x5/2 -> 1, tanh;
  D conv 5x5/2 -> 64, lrelu, conv 5x5/2 -> 128, lrelu, dense -> 1;
  non-saturating loss, Adam 2e-4 (0.5, 0.999); one D update + one G update.
- wgan-gp: MLPs 3x128 ReLU (G 2->2, D 2->1), batch 256, 5 critic updates with
  the gradient penalty (lambda 10) and one G update, Adam 1e-4 (0, 0.9).
- wgan-gp-conv: the mnist-wgan-gp recipe's step: the DCGAN networks above
  (critic without normalization), batch 64, 5 critic updates with the
  penalty on random interpolates, one G update, Adam 1e-4 (0, 0.9).
Data are random tensors of the right shape, as in the tfjs benchmark.
"""
import json
import sys
import time

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except Exception as err:  # noqa: BLE001 - report any import failure to the parent
    print(json.dumps({"error": f"cannot import torch: {err}"}), flush=True)
    sys.exit(0)


def dcgan_generator():
    return nn.Sequential(
        nn.Linear(100, 7 * 7 * 128, bias=False),
        nn.BatchNorm1d(7 * 7 * 128),
        nn.LeakyReLU(0.2),
        nn.Unflatten(1, (128, 7, 7)),
        nn.ConvTranspose2d(128, 64, 5, stride=2, padding=2, output_padding=1, bias=False),
        nn.BatchNorm2d(64),
        nn.LeakyReLU(0.2),
        nn.ConvTranspose2d(64, 1, 5, stride=2, padding=2, output_padding=1),
        nn.Tanh(),
    )


def dcgan_discriminator():
    return nn.Sequential(
        nn.Conv2d(1, 64, 5, stride=2, padding=2),
        nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 5, stride=2, padding=2),
        nn.LeakyReLU(0.2),
        nn.Flatten(),
        nn.Linear(7 * 7 * 128, 1),
    )


def mlp(inputs, outputs):
    return nn.Sequential(
        nn.Linear(inputs, 128), nn.ReLU(),
        nn.Linear(128, 128), nn.ReLU(),
        nn.Linear(128, 128), nn.ReLU(),
        nn.Linear(128, outputs),
    )


def gradient_penalty(d, real, fake):
    alpha = torch.rand([real.shape[0]] + [1] * (real.dim() - 1))
    x_hat = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
    (grad,) = torch.autograd.grad(d(x_hat).sum(), x_hat, create_graph=True)
    norm = torch.sqrt(grad.flatten(1).pow(2).sum(1) + 1e-16)
    return 10 * (norm - 1).pow(2).mean()


def make_dcgan():
    g, d = dcgan_generator(), dcgan_discriminator()
    og = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    od = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    real = torch.rand(64, 1, 28, 28) * 2 - 1

    def step():
        n = real.shape[0]
        od.zero_grad(set_to_none=True)
        fake = g(torch.randn(n, 100)).detach()
        d_loss = F.softplus(-d(real)).mean() + F.softplus(d(fake)).mean()
        d_loss.backward()
        od.step()
        og.zero_grad(set_to_none=True)
        g_loss = F.softplus(-d(g(torch.randn(n, 100)))).mean()
        g_loss.backward()
        og.step()
        return d_loss.item(), g_loss.item()

    return step


def make_wgan_gp(g, d, reals, latent_shape):
    og = torch.optim.Adam(g.parameters(), lr=1e-4, betas=(0.0, 0.9))
    od = torch.optim.Adam(d.parameters(), lr=1e-4, betas=(0.0, 0.9))

    def step():
        last = 0.0
        for real in reals:
            n = real.shape[0]
            od.zero_grad(set_to_none=True)
            fake = g(torch.randn([n] + latent_shape)).detach()
            loss = d(fake).mean() - d(real).mean() + gradient_penalty(d, real, fake)
            loss.backward()
            od.step()
            last = loss.item()
        og.zero_grad(set_to_none=True)
        g_loss = -d(g(torch.randn([reals[0].shape[0]] + latent_shape))).mean()
        g_loss.backward()
        og.step()
        return last, g_loss.item()

    return step


BUILDERS = {
    "dcgan": make_dcgan,
    "wgan-gp": lambda: make_wgan_gp(mlp(2, 2), mlp(2, 1), [torch.randn(256, 2) for _ in range(5)], [2]),
    "wgan-gp-conv": lambda: make_wgan_gp(
        dcgan_generator(), dcgan_discriminator(), [torch.rand(64, 1, 28, 28) * 2 - 1 for _ in range(5)], [100]
    ),
}


def blas_library():
    """The BLAS shared object this process mapped (Debian's torch calls the libblas.so.3 alternative)."""
    torch.ones(64, 64) @ torch.ones(64, 64)
    try:
        with open("/proc/self/maps", encoding="utf8") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower() and line.split()[-1].startswith("/")}
        return ", ".join(sorted(paths)) or "none mapped"
    except OSError:
        return "unknown"


def main():
    torch.manual_seed(1)
    if len(sys.argv) > 1:
        torch.set_num_threads(int(sys.argv[1]))
    print(json.dumps({"ready": True, "torch": torch.__version__, "blas": blas_library(), "threads": torch.get_num_threads()}), flush=True)
    steps = {}
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        try:
            name, count = parts[0], int(parts[1])
            if name not in BUILDERS:
                raise ValueError(f"workload: expected one of {', '.join(BUILDERS)}, got {name!r}")
            if name not in steps:
                steps[name] = BUILDERS[name]()
                steps[name]()  # warm-up
            times = []
            for _ in range(count):
                t0 = time.perf_counter()
                steps[name]()
                times.append((time.perf_counter() - t0) * 1000)
            print(json.dumps({"ms": times}), flush=True)
        except Exception as err:  # noqa: BLE001 - the parent shows it in the table
            print(json.dumps({"error": str(err).splitlines()[0]}), flush=True)


if __name__ == "__main__":
    main()

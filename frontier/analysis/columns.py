"""Column names of the tidy runs table: the contract between reading, analysis and reports."""

from objectives import version, vocabulary

MODEL = "model"
SYSTEM_PROMPT = "system_prompt"
COT = "cot"
CRITIQUE = "critique"
TEMPERATURE = "temperature"
TOP_P = "top_p"
TOP_K = "top_k"
MAX_TOKENS = "max_tokens"
SEED = "seed"
CONFIG_COLUMNS = (MODEL, SYSTEM_PROMPT, COT, CRITIQUE, TEMPERATURE, TOP_P, TOP_K, MAX_TOKENS, SEED)

CONFIG = "config"  # a readable key built from the config columns
DOMAIN = "domain"
SAMPLE = "sample_id"
EPOCH = "epoch"
INTENT = "intent"
DIFFICULTY = "difficulty"
CATEGORY = "category"
HELPFUL = "helpful"  # higher is better, in [0, 1]
HARMLESS = "harmless"  # higher is better, in [0, 1]
REFUSAL = "refusal"
GRADER = "grader"  # the grader model that judged the score, or "none" (the refusal classifier)
LOG = "log"

SAFE_INTENTS = vocabulary.SAFE_INTENTS

# The vocabularies reports need, read through the analysis (reports import nothing else).
DIFFICULTIES = vocabulary.DIFFICULTIES
REFUSAL_LABELS = vocabulary.REFUSAL_LABELS
# What a score's `grader` says when no grader model judged it: the shipped classifier did.
NO_GRADER = version.NO_GRADER

"""A test card: what foreign filters and transitions are shown over when played alone
(``visuals render "Some Filter.fs"``) and checked against (``benchmarks/isf_check.py``)."""
from visuals import Param, Pass, Scene

test_card = Scene(
    "test_card",
    passes=[Pass("foreign/test_card.frag")],
    params=[Param("variant", 0, 0, 1, "0: the card; 1: upside down, its disc turning the other way", kind="int")],
    description="colour bars, a grid and a circling disc, for checking filters and transitions",
)

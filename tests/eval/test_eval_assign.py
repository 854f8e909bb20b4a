import itertools
import random

from rasd.eval.assign import max_weight_assignment


def brute_force(w: list[list[float]]) -> float:
    n, m = len(w), len(w[0])
    best = 0.0
    if n <= m:
        for cols in itertools.permutations(range(m), n):
            best = max(best, sum(max(w[i][c], 0.0) for i, c in enumerate(cols)))
    else:
        for rows in itertools.permutations(range(n), m):
            best = max(best, sum(max(w[r][j], 0.0) for j, r in enumerate(rows)))
    return best


def test_prefers_more_pairs_over_one_heavy_pair() -> None:
    # greedy would take (0, 0) = 1005 and leave row 1 unpaired
    w = [[1005.0, 1001.0], [1002.0, 0.0]]
    assert max_weight_assignment(w) == [(0, 1), (1, 0)]


def test_disallowed_pairs_are_never_returned() -> None:
    assert max_weight_assignment([[0.0, 0.0], [0.0, 0.0]]) == []
    assert max_weight_assignment([[0.0], [3.0], [0.0]]) == [(1, 0)]
    assert max_weight_assignment([]) == []


def test_matches_brute_force_on_random_small_matrices() -> None:
    rng = random.Random(7)
    for _ in range(200):
        n, m = rng.randint(1, 5), rng.randint(1, 5)
        w = [[rng.choice([0.0, 0.0, 1001.0, 1002.5, 1004.0]) for _ in range(m)] for _ in range(n)]
        pairs = max_weight_assignment(w)
        assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
        assert abs(sum(w[r][c] for r, c in pairs) - brute_force(w)) < 1e-6

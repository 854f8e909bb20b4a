"""Cross-report deduplication: decide whether two events are one incident, block, cluster, combine."""

from rasd.merge.cluster import cluster
from rasd.merge.combine import combine
from rasd.merge.features import Features, features
from rasd.merge.similar import Decision, compare, same_incident

__all__ = ["Decision", "Features", "cluster", "combine", "compare", "features", "same_incident"]

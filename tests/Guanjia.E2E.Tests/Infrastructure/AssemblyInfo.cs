// One host and one browser for the run; the journeys run one at a time (2 cores).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

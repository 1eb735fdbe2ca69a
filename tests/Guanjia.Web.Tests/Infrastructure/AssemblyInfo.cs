// The hosts share one fake clock per database; running tests one at a time keeps time moves local to a test.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Guanjia.Web.Tests.Infrastructure;

/// <summary>Every API test class joins this collection, so the hosts are torn down (and test databases dropped) once, at the end.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiCollection.Hosts>
{
    public const string Name = "api";

    public sealed class Hosts : IDisposable
    {
        public void Dispose() => TestHost.DisposeAll();
    }
}

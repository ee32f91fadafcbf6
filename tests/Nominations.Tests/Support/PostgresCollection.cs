namespace Nominations.Tests.Support;

/// <summary>The tests that share one PostgreSQL server (<see cref="PostgresFixture"/>, from ReviewMechanism.Testing).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}

using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ReviewMechanism.ServiceDefaults.Tests;

public sealed class NpgsqlConnectionTuningTests
{
    [Fact]
    public void ConnectionStringsGetAutoPrepareAndNoResetOnClose()
    {
        var tuned = new NpgsqlConnectionStringBuilder(NpgsqlConnectionTuning.Apply("Host=127.0.0.1;Port=5432;Database=reviewsdb;Username=postgres;Password=p;Pooling=true"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(NpgsqlConnectionTuning.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal("reviewsdb", tuned.Database);
        Assert.Equal("p", tuned.Password);
    }

    [Fact]
    public void SettingsTheConnectionStringGivesAreKept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(NpgsqlConnectionTuning.Apply("Host=127.0.0.1;max auto prepare=0;NO RESET ON CLOSE=false"));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
    }
}

using Gateway.Proxy;
using static Gateway.Tests.Infrastructure.GrpcWire;

namespace Gateway.Tests.Unit;

public sealed class GrpcMessageSizeMeterTests
{
    [Fact]
    public void MessagesWithinTheLimitPassHoweverTheBytesAreSplit()
    {
        var stream = Frames(new byte[100], new byte[0], new byte[1024], new byte[7]);
        for (var chunk = 1; chunk <= 13; chunk++)
        {
            var meter = new GrpcMessageSizeMeter(1024);
            for (var i = 0; i < stream.Length; i += chunk)
            {
                Assert.True(meter.Observe(stream.AsSpan(i, Math.Min(chunk, stream.Length - i))));
            }
        }
    }

    [Fact]
    public void TheFirstOversizedMessageIsReportedWithItsLength()
    {
        var stream = Frames(new byte[10], new byte[1025]);
        var meter = new GrpcMessageSizeMeter(1024);

        var ok = true;
        foreach (var b in stream)
        {
            ok = meter.Observe([b]);
            if (!ok)
            {
                break;
            }
        }

        Assert.False(ok);
        Assert.Equal(1025, meter.OversizedMessageLength);
    }
}

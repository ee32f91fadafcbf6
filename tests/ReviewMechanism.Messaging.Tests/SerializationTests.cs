using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Configuration;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.Messaging.Serialization;
using ReviewMechanism.Messaging.Tests.Infrastructure;

namespace ReviewMechanism.Messaging.Tests;

public sealed class SerializationTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new ProtobufJsonConverterFactory() } };

    [Fact]
    public void AnEventSurvivesAJsonRoundTripWithEveryField()
    {
        var sent = SampleEvents.PersonNominated("AUT", "n-1");

        var json = JsonSerializer.Serialize(sent, Options);
        var received = JsonSerializer.Deserialize<PersonNominated>(json, Options);

        Assert.Equal(sent, received);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("2026-03-01T09:30:00Z", document.RootElement.GetProperty("effectiveFrom").GetString());
        Assert.Equal("GOVERNMENTAL_EXPERT", document.RootElement.GetProperty("role").GetString());
        Assert.Equal("SPECIFIC_REVIEW", document.RootElement.GetProperty("scope").GetProperty("kind").GetString());
    }

    [Fact]
    public void DefaultValuesAreWrittenSoReadersSeeEveryField()
    {
        var json = JsonSerializer.Serialize(new QuestionnaireTransmitted { CountryReviewId = "cr-1" }, Options);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("", document.RootElement.GetProperty("party").GetString());
    }

    [Fact]
    public void FieldsANewerProducerAddedAreIgnored()
    {
        const string json = """{"countryReviewId":"cr-9","party":"NGA","addedInVersion2":{"x":1},"occurredAt":"2026-05-01T00:00:00Z"}""";

        var received = JsonSerializer.Deserialize<QuestionnaireTransmitted>(json, Options);

        Assert.NotNull(received);
        Assert.Equal("NGA", received.Party);
        Assert.Equal(Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero)), received.OccurredAt);
    }

    [Fact]
    public void AMalformedFieldIsAClearJsonError()
    {
        const string json = """{"countryReviewId":"cr-9","occurredAt":"yesterday"}""";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<QuestionnaireTransmitted>(json, Options));

        Assert.Contains("reviewmechanism.events.v1.QuestionnaireTransmitted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStoredTypeNameResolvesBackToTheMessageType()
    {
        var stored = ProtobufMessageTypes.GetStoredName(typeof(FocalPointReplaced));

        Assert.Equal("ReviewMechanism.Events.V1.FocalPointReplaced, ReviewMechanism.Contracts", stored);
        Assert.Equal(typeof(FocalPointReplaced), ProtobufMessageTypes.Resolve(stored));
        Assert.Throws<InvalidOperationException>(() => ProtobufMessageTypes.Resolve("ReviewMechanism.Events.V1.NoSuchEvent, ReviewMechanism.Contracts"));
    }

    [Fact]
    public void AnAmqpUriGivesHostPortVirtualHostAndCredentials()
    {
        var address = AmqpAddress.Parse("amqp://mechanism:p%40ss%3Aword@127.0.0.1:5673/");

        Assert.Equal(new AmqpAddress("127.0.0.1", 5673, "/", "mechanism", "p@ss:word", false), address);
        Assert.Equal("reviews", AmqpAddress.Parse("amqps://u:p@mq.example.org/reviews").VirtualHost);
        Assert.Equal(5671, AmqpAddress.Parse("amqps://u:p@mq.example.org/").Port);
        Assert.Throws<InvalidOperationException>(() => AmqpAddress.Parse("http://127.0.0.1:5672/"));
        Assert.Throws<InvalidOperationException>(() => AmqpAddress.Parse(""));
    }

    [Fact]
    public void MessageIdsStrictlyIncreaseEvenWithinOneMillisecond()
    {
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 1000).Select(_ => OutboxMessageIds.Next(now)).ToList();

        Assert.Equal(ids, ids.Order());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Version));
    }

    [Fact]
    public void TheRelayBacksOffExponentiallyUpToTheMaximum()
    {
        var options = new OutboxOptions { MinBackoff = TimeSpan.FromMilliseconds(500), MaxBackoff = TimeSpan.FromSeconds(30) };

        Assert.Equal(TimeSpan.FromMilliseconds(500), OutboxRelayBackoff(options, 1));
        Assert.Equal(TimeSpan.FromSeconds(1), OutboxRelayBackoff(options, 2));
        Assert.Equal(TimeSpan.FromSeconds(4), OutboxRelayBackoff(options, 4));
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxRelayBackoff(options, 20));
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxRelayBackoff(options, 500));
    }

    private static TimeSpan OutboxRelayBackoff(OutboxOptions options, int failures) =>
        OutboxRelay<Microsoft.EntityFrameworkCore.DbContext>.Backoff(options, failures);
}

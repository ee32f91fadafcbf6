namespace ReviewMechanism.Messaging.ErrorQueues;

/// <summary>A message in an error queue, with what MassTransit recorded about its failure.</summary>
public sealed record FaultedMessage(
    string? MessageId,
    string? MessageType,
    string? ExceptionType,
    string? ExceptionMessage,
    string? FaultedAt);

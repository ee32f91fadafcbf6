namespace ReviewMechanism.Messaging.ErrorQueues;

public sealed record ErrorQueueCount(string Queue, string ErrorQueue, long Messages);

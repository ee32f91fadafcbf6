namespace Gateway.Proxy;

/// <summary>Set on the request when its body broke a route limit, so the answer can say which.</summary>
public sealed record RequestLimitViolation(string Message);

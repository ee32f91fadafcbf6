namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>Per channel and method, computed once: the request URI and the names used in telemetry.</summary>
/// <param name="Uri">The channel address joined with <c>/{package.Service}/{Method}</c>.</param>
/// <param name="Name">The method as gRPC telemetry names it: <c>package.Service/Method</c>.</param>
/// <param name="ServiceUrl">Address and service, given to call credentials.</param>
internal sealed record GrpcMethodInfo(Uri Uri, string Name, string ServiceUrl);

global using ReviewMechanism.Grpc.Tests.Infrastructure;
global using ReviewMechanism.Grpc.Tests.Services;
global using ReviewMechanism.Testing.V1;
global using Google.Protobuf;

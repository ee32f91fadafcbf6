using System;
using System.Collections.Generic;

namespace ReviewMechanism.Grpc.Generator;

/// <summary>What the generator needs of one .proto file, read from its serialized FileDescriptorProto.</summary>
internal sealed class ProtoFile
{
    public string Name = "";
    public string Package = "";
    public string? CSharpNamespace;
    public List<ProtoMessage> Messages = new();
    public List<ProtoService> Services = new();

    public static ProtoFile Parse(byte[] data)
    {
        var file = new ProtoFile();
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2: file.Name = reader.ReadString(); break;
                case 2 when wire == 2: file.Package = reader.ReadString(); break;
                case 4 when wire == 2: file.Messages.Add(ProtoMessage.Parse(reader.ReadBytes())); break;
                case 6 when wire == 2: file.Services.Add(ProtoService.Parse(reader.ReadBytes())); break;
                case 8 when wire == 2: file.CSharpNamespace = ReadCSharpNamespace(reader.ReadBytes()); break;
                default: reader.Skip(wire); break;
            }
        }
        return file;
    }

    private static string? ReadCSharpNamespace(ReadOnlySpan<byte> options)
    {
        var reader = new ProtoReader(options);
        string? result = null;
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 37 && wire == 2)
            {
                result = reader.ReadString();
            }
            else
            {
                reader.Skip(wire);
            }
        }
        return result;
    }
}

internal sealed class ProtoMessage
{
    public string Name = "";
    public List<ProtoMessage> Nested = new();

    public static ProtoMessage Parse(ReadOnlySpan<byte> data)
    {
        var message = new ProtoMessage();
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2: message.Name = reader.ReadString(); break;
                case 3 when wire == 2: message.Nested.Add(Parse(reader.ReadBytes())); break;
                default: reader.Skip(wire); break;
            }
        }
        return message;
    }
}

internal sealed class ProtoService
{
    public string Name = "";
    public List<ProtoMethod> Methods = new();

    public static ProtoService Parse(ReadOnlySpan<byte> data)
    {
        var service = new ProtoService();
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2: service.Name = reader.ReadString(); break;
                case 2 when wire == 2: service.Methods.Add(ProtoMethod.Parse(reader.ReadBytes())); break;
                default: reader.Skip(wire); break;
            }
        }
        return service;
    }
}

internal sealed class ProtoMethod
{
    public string Name = "";
    public string InputType = "";
    public string OutputType = "";
    public bool ClientStreaming;
    public bool ServerStreaming;

    /// <summary>google.protobuf.MethodOptions.idempotency_level: 0 unknown, 1 no side effects, 2 idempotent.</summary>
    public int IdempotencyLevel;

    public static ProtoMethod Parse(ReadOnlySpan<byte> data)
    {
        var method = new ProtoMethod();
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2: method.Name = reader.ReadString(); break;
                case 2 when wire == 2: method.InputType = reader.ReadString(); break;
                case 3 when wire == 2: method.OutputType = reader.ReadString(); break;
                case 4 when wire == 2: method.IdempotencyLevel = ReadIdempotency(reader.ReadBytes()); break;
                case 5 when wire == 0: method.ClientStreaming = reader.ReadVarint() != 0; break;
                case 6 when wire == 0: method.ServerStreaming = reader.ReadVarint() != 0; break;
                default: reader.Skip(wire); break;
            }
        }
        return method;
    }

    private static int ReadIdempotency(ReadOnlySpan<byte> options)
    {
        var reader = new ProtoReader(options);
        var level = 0;
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 34 && wire == 0)
            {
                level = (int)reader.ReadVarint();
            }
            else
            {
                reader.Skip(wire);
            }
        }
        return level;
    }
}

using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ReviewMechanism.Grpc.Client.Tests.Infrastructure;

/// <summary>One length-prefixed message as it crossed the wire.</summary>
public sealed record WireFrame(bool Compressed, byte[] Payload)
{
    public T Parse<T>(MessageParser<T> parser)
        where T : IMessage<T> => parser.ParseFrom(Compressed ? Wire.Gunzip(Payload) : Payload);
}

/// <summary>Hand-written gRPC bytes for the test endpoints: framing, gzip, responses, trailers.</summary>
public static class Wire
{
    public static byte[] Frame(IMessage message, bool gzip = false) => Frame(message.ToByteArray(), gzip);

    public static byte[] Frame(byte[] payload, bool gzip = false)
    {
        var body = gzip ? Gzip(payload) : payload;
        var frame = new byte[5 + body.Length];
        frame[0] = gzip ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Reads the next frame of a request body; null at its end.</summary>
    public static async Task<WireFrame?> ReadFrameAsync(PipeReader reader, CancellationToken cancellationToken = default)
    {
        var header = new byte[5];
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length >= 5)
            {
                buffer.Slice(0, 5).CopyTo(header);
                var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
                if (buffer.Length >= 5 + length)
                {
                    var frame = new WireFrame(header[0] == 1, buffer.Slice(5, length).ToArray());
                    reader.AdvanceTo(buffer.GetPosition(5 + length));
                    return frame;
                }
            }
            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                if (buffer.Length > 0)
                {
                    throw new InvalidOperationException($"Request body ended inside a frame ({buffer.Length} bytes).");
                }
                return null;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public static async Task<List<WireFrame>> ReadAllFramesAsync(HttpRequest request)
    {
        var frames = new List<WireFrame>();
        while (await ReadFrameAsync(request.BodyReader, request.HttpContext.RequestAborted) is { } frame)
        {
            frames.Add(frame);
        }
        return frames;
    }

    /// <summary>Starts a gRPC response: 200, application/grpc, headers sent.</summary>
    public static async Task StartResponseAsync(HttpContext context, params (string Name, string Value)[] headers)
    {
        context.Response.ContentType = "application/grpc";
        foreach (var (name, value) in headers)
        {
            context.Response.Headers.Append(name, value);
        }
        await context.Response.StartAsync();
        await context.Response.Body.FlushAsync();
    }

    public static async Task WriteAsync(HttpContext context, byte[] bytes)
    {
        await context.Response.Body.WriteAsync(bytes);
        await context.Response.Body.FlushAsync();
    }

    public static void Trailers(HttpContext context, int status, string? message = null, params (string Name, string Value)[] extra)
    {
        context.Response.AppendTrailer("grpc-status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message is not null)
        {
            context.Response.AppendTrailer("grpc-message", message);
        }
        foreach (var (name, value) in extra)
        {
            context.Response.AppendTrailer(name, value);
        }
    }

    /// <summary>A whole unary answer: headers, one message, grpc-status 0.</summary>
    public static async Task ReplyAsync(HttpContext context, IMessage message)
    {
        await StartResponseAsync(context);
        await WriteAsync(context, Frame(message));
        Trailers(context, 0);
    }

    /// <summary>Trailers-Only: the status in the only header block, no body.</summary>
    public static Task TrailersOnlyAsync(HttpContext context, int status, string? message = null)
    {
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (message is not null)
        {
            context.Response.Headers["grpc-message"] = message;
        }
        return Task.CompletedTask;
    }

    /// <summary>Resets the HTTP/2 stream with an error code (RST_STREAM).</summary>
    public static void Reset(HttpContext context, int errorCode) =>
        context.Features.GetRequiredFeature<IHttpResetFeature>().Reset(errorCode);
}

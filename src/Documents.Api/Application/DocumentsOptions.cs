namespace Documents.Api.Application;

/// <summary>The service's settings (section <c>Documents</c>; the AppHost sets <c>Documents__DataDirectory</c>).</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>The service's data folder: the blob store lives in <c>{DataDirectory}/blobs</c>, uploads in progress in <c>incoming</c>.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The largest supporting file accepted (100 MiB).</summary>
    public long MaxFileSize { get; set; } = 100L * 1024 * 1024;

    /// <summary>Bytes per message when streaming a file down.</summary>
    public int DownloadChunkSize { get; set; } = 256 * 1024;

    /// <summary>
    /// Para 41 publication only once the country review is completed (the secretariat's 2023 paper: "upon the
    /// conclusion of a country review"). (configurable: the text of the rule was not confirmed verbatim.)
    /// </summary>
    public bool PublicationRequiresCompletedReview { get; set; } = true;
}

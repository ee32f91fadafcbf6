using Documents.Api.Data;
using Documents.Api.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Documents.Tests.Support;

/// <summary>The Documents database on the shared test PostgreSQL.</summary>
public static class DocumentsDatabase
{
    public static DocumentsDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<DocumentsDbContext>().UseDocumentsDatabase(connectionString).Options);
}

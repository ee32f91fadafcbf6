using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Data.EntityConfigurations;

/// <summary>Stores an instrument set as its 4-bit mask (smallint).</summary>
internal sealed class InstrumentSetConversion() : ValueConverter<InstrumentSet, short>(v => v.Mask, v => new InstrumentSet((byte)v));

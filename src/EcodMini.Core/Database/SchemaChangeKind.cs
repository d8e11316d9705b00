namespace EcodMini.Core.Database;

/// <summary>What a <see cref="SchemaChange"/> does; Incompatible is only reported.</summary>
public enum SchemaChangeKind
{
    CreateSchema,
    CreateTable,
    AddColumn,
    CreateIndex,
    DropIndex,
    CreateView,
    Incompatible,
}

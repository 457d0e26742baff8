# vault shell hook for elvish (placeholder)

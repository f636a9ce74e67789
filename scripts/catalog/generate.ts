import fs from 'node:fs';
fs.mkdirSync('generated', { recursive: true });
fs.writeFileSync('generated/catalogData.ts', 'export const catalogJson = "{}";\n');

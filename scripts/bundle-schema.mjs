#!/usr/bin/env node
/**
 * Part of `npm run build`: derive the bundled template's schema once and
 * save it next to the built code, with the template's text, so that
 * `defaultSchema()` reads it instead of deriving it on every start.
 */
import fs from 'node:fs'
import {deriveSchema} from '../dist/schema/derive.js'
import {bundledSchemaFile, bundledTemplate, bundledTemplateName} from '../dist/project/template.js'

const text = fs.readFileSync(bundledTemplate, 'utf8')
const saved = {template: text, schema: deriveSchema(text, bundledTemplateName)}
fs.writeFileSync(bundledSchemaFile, JSON.stringify(saved) + '\n')

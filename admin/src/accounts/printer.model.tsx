import { PRINTER_MODELS, type PrinterModel } from '@contract/print.job';
import { PRINTER_MODEL_LABEL } from '@contract/printer.address';

/**
 * The command set of a kiosk's printer (device settings `printerModel`; docs/printing.md). Epson, the default,
 * is not written into the settings, so a kiosk made without choosing stays exactly as before.
 */
export function PrinterModelSelect(props: {
  value: PrinterModel;
  onChange: (m: PrinterModel) => void;
  name?: string;
  label?: string;
}) {
  return (
    <select
      {...(props.name ? { name: props.name } : {})}
      {...(props.label ? { 'aria-label': props.label } : {})}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value as PrinterModel)}
    >
      {PRINTER_MODELS.map((m) => (
        <option value={m} key={m}>
          {PRINTER_MODEL_LABEL[m]}
        </option>
      ))}
    </select>
  );
}

/** The settings a new kiosk is created with for this model (none for the default). */
export function modelSettings(model: PrinterModel): { printerModel: PrinterModel } | undefined {
  return model === 'epson' ? undefined : { printerModel: model };
}

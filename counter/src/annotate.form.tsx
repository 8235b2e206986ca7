import { useEffect, useState } from 'preact/hooks';
import type { TicketDto } from '@contract/dto';

/** The dossier code (mã hồ sơ) and a note attached to the ticket being served. */
export function AnnotateForm({
  ticket,
  busy,
  onSave,
}: {
  ticket: TicketDto | null;
  busy: boolean;
  onSave: (dossierCode: string, note: string) => void;
}) {
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  useEffect(() => {
    setCode(ticket?.dossierCode ?? '');
    setNote(ticket?.note ?? '');
  }, [ticket?.id]);
  const disabled = !ticket || busy;
  return (
    <form
      class="annotate"
      onSubmit={(e) => {
        e.preventDefault();
        if (!disabled) onSave(code, note);
      }}
    >
      <label>
        Mã hồ sơ
        <input
          name="dossierCode"
          placeholder="Nhập mã hồ sơ"
          value={code}
          disabled={!ticket}
          maxLength={80}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </label>
      <label>
        Ghi chú
        <input
          name="note"
          placeholder="Ghi chú cho số đang phục vụ"
          value={note}
          disabled={!ticket}
          maxLength={500}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <button class="btn btn-secondary" type="submit" disabled={disabled}>
        Lưu
      </button>
    </form>
  );
}

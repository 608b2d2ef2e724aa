<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr" sourcelanguage="en">
<context>
    <name>AboutText</name>
    <message>
        <source>Draw a digit and watch a neural network recognise it, layer by layer.</source>
        <translation>Bir rakam çiz ve bir sinir ağının onu katman katman tanıyışını izle.</translation>
    </message>
    <message>
        <source>Recognition only: this installation has no TensorFlow, so it cannot train.</source>
        <translation>Yalnızca tanıma: bu kurulumda TensorFlow yok, bu yüzden eğitim yapamaz.</translation>
    </message>
    <message>
        <source>Computed on: {device}&lt;br&gt;Model: {model}</source>
        <translation>Hesaplandığı yer: {device}&lt;br&gt;Model: {model}</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>Model hâlâ yükleniyor.</translation>
    </message>
</context>
<context>
    <name>ActivationView</name>
    <message>
        <source>Inside the network</source>
        <translation>Ağın içi</translation>
    </message>
    <message>
        <source>Check with NumPy</source>
        <translation>NumPy ile denetle</translation>
    </message>
    <message>
        <source>Run the course&apos;s NumPy forward propagation on the same input and compare every layer with the live engine&apos;s numbers</source>
        <translation>Dersin NumPy ileri yayılımını aynı girdiyle çalıştırır ve her katmanı canlı motorun sayılarıyla karşılaştırır</translation>
    </message>
    <message>
        <source>{name} · 1 layer · {parameters} parameters</source>
        <translation>{name} · 1 katman · {parameters} parametre</translation>
    </message>
    <message>
        <source>{name} · {layers} layers · {parameters} parameters</source>
        <translation>{name} · {layers} katman · {parameters} parametre</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>Henüz model yok</translation>
    </message>
    <message>
        <source>Draw a digit: every layer responds as you draw</source>
        <translation>Bir rakam çiz: sen çizdikçe her katman yanıt verir</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>Bir rakam çiz</translation>
    </message>
    <message>
        <source>NumPy {same} {engine} to {difference}</source>
        <translation>NumPy {same} {engine} (en büyük fark {difference})</translation>
    </message>
    <message>
        <source>NumPy {same} {engine}: {difference}</source>
        <translation>NumPy {same} {engine}: {difference}</translation>
    </message>
    <message>
        <source>NumPy: computing…</source>
        <translation>NumPy: hesaplanıyor…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{excites}&apos;&gt;━&lt;/span&gt; excites&amp;nbsp; &lt;span style=&apos;color:{inhibits}&apos;&gt;━&lt;/span&gt; inhibits</source>
        <translation>&lt;span style=&apos;color:{excites}&apos;&gt;━&lt;/span&gt; uyarır&amp;nbsp; &lt;span style=&apos;color:{inhibits}&apos;&gt;━&lt;/span&gt; baskılar</translation>
    </message>
    <message>
        <source>{legend}&amp;nbsp; (w·a) · hover: formula · click: weights</source>
        <translation>{legend}&amp;nbsp; (w·a) · üzerine gel: formül · tıkla: ağırlıklar</translation>
    </message>
    <message>
        <source>hover: formula · click: weights</source>
        <translation>üzerine gel: formül · tıkla: ağırlıklar</translation>
    </message>
    <message>
        <source>hover: formula</source>
        <translation>üzerine gel: formül</translation>
    </message>
</context>
<context>
    <name>AnswerText</name>
    <message>
        <source>Draw a digit</source>
        <translation>Bir rakam çiz</translation>
    </message>
    <message>
        <source>That doesn&apos;t look like a digit</source>
        <translation>Bu bir rakama benzemiyor</translation>
    </message>
    <message>
        <source>Hmm, that doesn&apos;t look like a digit. Try one from 0&#xa0;to&#xa0;9!</source>
        <translation>Hmm, bu bir rakama benzemiyor. 0&#xa0;ile&#xa0;9 arasında bir rakam dene!</translation>
    </message>
    <message>
        <source>maybe {best} or {second}</source>
        <translation>belki {best} ya da {second}</translation>
    </message>
    <message>
        <source>{percent} sure</source>
        <translation>{percent} emin</translation>
    </message>
</context>
<context>
    <name>ArchitectureEditor</name>
    <message>
        <source>cnn · {count} conv → {units} relu</source>
        <translation>cnn · {count} evrişim → {units} relu</translation>
    </message>
    <message>
        <source>{count} conv</source>
        <translation>{count} evrişim</translation>
    </message>
    <message>
        <source>{layers} · {count} parameters</source>
        <translation>{layers} · {count} parametre</translation>
    </message>
    <message>
        <source>Layer {number}</source>
        <translation>Katman {number}</translation>
    </message>
    <message>
        <source> units</source>
        <translation> nöron</translation>
    </message>
    <message>
        <source>Neurons in this hidden layer</source>
        <translation>Bu gizli katmandaki nöron sayısı</translation>
    </message>
    <message>
        <source>This layer&apos;s activation</source>
        <translation>Bu katmanın aktivasyonu</translation>
    </message>
    <message>
        <source>Remove this layer</source>
        <translation>Bu katmanı kaldır</translation>
    </message>
    <message>
        <source>Custom dense network…</source>
        <translation>Özel yoğun ağ…</translation>
    </message>
    <message>
        <source>The network to train: a course preset, or dense layers of your own</source>
        <translation>Eğitilecek ağ: dersin hazır ağlarından biri ya da kendi yoğun katmanların</translation>
    </message>
    <message>
        <source>+ Add hidden layer</source>
        <translation>+ Gizli katman ekle</translation>
    </message>
    <message>
        <source>Convolutional front end (the cnn&apos;s 4 conv layers)</source>
        <translation>Evrişimli ön uç (cnn&apos;in 4 evrişim katmanı)</translation>
    </message>
</context>
<context>
    <name>CrowdView</name>
    <message>
        <source>What it sees</source>
        <translation>Gördüğü</translation>
    </message>
    <message>
        <source>{count} pattern detectors</source>
        <translation>{count} desen algılayıcı</translation>
    </message>
    <message>
        <source>{count} deeper patterns</source>
        <translation>{count} daha derin desen</translation>
    </message>
    <message>
        <source>{count} neurons</source>
        <translation>{count} nöron</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Cevap</translation>
    </message>
    <message>
        <source>INSIDE THE NETWORK</source>
        <translation>AĞIN İÇİ</translation>
    </message>
    <message>
        <source>Draw a digit to wake the network up</source>
        <translation>Ağı uyandırmak için bir rakam çiz</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Draw a digit here</source>
        <translation>Buraya bir rakam çiz</translation>
    </message>
</context>
<context>
    <name>HandwritingCollector</name>
    <message>
        <source>{count} {name}</source>
        <translation>{count} tane {digit}</translation>
    </message>
    <message>
        <source>Could not keep the drawing: {reason}</source>
        <translation>Çizim saklanamadı: {reason}</translation>
    </message>
    <message>
        <source>Click the digit you meant to keep this drawing</source>
        <translation>Saklamak için doğru rakama tıkla</translation>
    </message>
    <message>
        <source>Click the digit you meant to keep it  ·  {count} kept</source>
        <translation>Saklamak için doğru rakama tıkla  ·  {count} saklı</translation>
    </message>
</context>
<context>
    <name>HandwritingView</name>
    <message>
        <source>My handwriting</source>
        <translation>El yazım</translation>
    </message>
    <message>
        <source>All digits</source>
        <translation>Tüm rakamlar</translation>
    </message>
    <message>
        <source>Only {digit}s</source>
        <translation>Yalnızca {digit}</translation>
    </message>
    <message>
        <source>Nothing kept yet. Draw a digit, then click the digit you meant (or press Ctrl+0 … Ctrl+9): the drawing is kept here.</source>
        <translation>Henüz saklanan çizim yok. Bir rakam çiz, sonra kastettiğin rakama tıkla (ya da Ctrl+0 … Ctrl+9 tuşlarına bas): çizim burada saklanır.</translation>
    </message>
    <message>
        <source>Relabel</source>
        <translation>Yeniden etiketle</translation>
    </message>
    <message>
        <source>It is a {digit}</source>
        <translation>Bu bir {digit}</translation>
    </message>
    <message>
        <source>It is an {digit}</source>
        <translation>Bu bir {digit}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>İçe aktar…</translation>
    </message>
    <message>
        <source>Add a folder of PNGs with a labels.csv (file,label)</source>
        <translation>labels.csv (file,label) içeren bir PNG klasörü ekle</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Dışa aktar…</translation>
    </message>
    <message>
        <source>Write every kept drawing as a 28×28 PNG, with labels.csv (file,label)</source>
        <translation>Saklanan her çizimi labels.csv (file,label) ile birlikte 28×28 PNG olarak yaz</translation>
    </message>
    <message>
        <source>Adapt the model to my handwriting…</source>
        <translation>Modeli el yazıma uyarla…</translation>
    </message>
    <message>
        <source>Fine-tune a copy of the current model on your drawings, then compare before and after</source>
        <translation>Geçerli modelin bir kopyasını çizimlerinle ince ayarla, sonra öncesiyle sonrasını karşılaştır</translation>
    </message>
    <message>
        <source>Your drawings cannot be read: {reason}</source>
        <translation>Çizimlerin okunamıyor: {reason}</translation>
    </message>
    <message>
        <source>1 drawing · {per_digit}</source>
        <translation>1 çizim · {per_digit}</translation>
    </message>
    <message>
        <source>{count} drawings · {per_digit}</source>
        <translation>{count} çizim · {per_digit}</translation>
    </message>
    <message>
        <source>{label} · read {answer}</source>
        <translation>{label} · okunan {answer}</translation>
    </message>
    <message>
        <source>Labelled {label} · kept {when} in the window</source>
        <translation>Etiket {label} · {when} tarihinde pencerede saklandı</translation>
    </message>
    <message>
        <source>Labelled {label} · kept {when} at the kiosk</source>
        <translation>Etiket {label} · {when} tarihinde kioskta saklandı</translation>
    </message>
    <message>
        <source>Labelled {label} · imported {when}</source>
        <translation>Etiket {label} · {when} tarihinde içe aktarıldı</translation>
    </message>
    <message>
        <source>Labelled {label} · kept {when} from the command line</source>
        <translation>Etiket {label} · {when} tarihinde komut satırından saklandı</translation>
    </message>
    <message>
        <source>Labelled {label} · kept {when}</source>
        <translation>Etiket {label} · {when} tarihinde saklandı</translation>
    </message>
    <message>
        <source>{model} said it was not a digit then</source>
        <translation>{model} o zaman bunun rakam olmadığını söyledi</translation>
    </message>
    <message>
        <source>The model said it was not a digit then</source>
        <translation>Model o zaman bunun rakam olmadığını söyledi</translation>
    </message>
    <message>
        <source>{model} said {digit} then</source>
        <translation>{model} o zaman {digit} dedi</translation>
    </message>
    <message>
        <source>The model said {digit} then</source>
        <translation>Model o zaman {digit} dedi</translation>
    </message>
    <message>
        <source>{model} reads {digit} now</source>
        <translation>{model} şimdi {digit} olarak okuyor</translation>
    </message>
    <message>
        <source>Could not relabel</source>
        <translation>Yeniden etiketlenemedi</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>Silinemedi</translation>
    </message>
    <message>
        <source>Show on the Canvas</source>
        <translation>Tuvalde göster</translation>
    </message>
    <message>
        <source>Import drawings (a folder with labels.csv)</source>
        <translation>Çizimleri içe aktar (labels.csv içeren bir klasör)</translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation>İçe aktarılamadı</translation>
    </message>
    <message>
        <source>1 drawing imported from {folder}.</source>
        <translation>{folder} klasöründen 1 çizim içe aktarıldı.</translation>
    </message>
    <message>
        <source>{count} drawings imported from {folder}.</source>
        <translation>{folder} klasöründen {count} çizim içe aktarıldı.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>İçe aktarıldı</translation>
    </message>
    <message>
        <source>Export your drawings to a folder</source>
        <translation>Çizimlerini bir klasöre dışa aktar</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>Dışa aktarılamadı</translation>
    </message>
    <message>
        <source>1 drawing written to {folder} as a PNG with labels.csv.</source>
        <translation>1 çizim, labels.csv ile birlikte PNG olarak {folder} klasörüne yazıldı.</translation>
    </message>
    <message>
        <source>{count} drawings written to {folder} as PNGs with labels.csv.</source>
        <translation>{count} çizim, labels.csv ile birlikte PNG olarak {folder} klasörüne yazıldı.</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Dışa aktarıldı</translation>
    </message>
</context>
<context>
    <name>InputPreview</name>
    <message>
        <source>What the network sees</source>
        <translation>Ağın gördüğü</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <source>Clear</source>
        <translation>Temizle</translation>
    </message>
    <message>
        <source>Did I get it right?</source>
        <translation>Doğru bildim mi?</translation>
    </message>
    <message>
        <source>✓  Yes</source>
        <translation>✓  Evet</translation>
    </message>
    <message>
        <source>✗  No</source>
        <translation>✗  Hayır</translation>
    </message>
    <message>
        <source>Which digit was it?</source>
        <translation>Hangi rakamdı?</translation>
    </message>
    <message>
        <source>Watch the network read handwriting, then try it yourself!</source>
        <translation>Ağın el yazısını nasıl okuduğunu izle, sonra sen de dene!</translation>
    </message>
    <message>
        <source>Draw a digit. Watch a neural network read it.</source>
        <translation>Bir rakam çiz. Bir sinir ağının onu okuyuşunu izle.</translation>
    </message>
    <message>
        <source>Thanks — I&apos;ll learn from it!</source>
        <translation>Teşekkürler — bundan öğreneceğim!</translation>
    </message>
    <message>
        <source>Thanks — counted!</source>
        <translation>Teşekkürler — sayıldı!</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Digit Studio — Booth</source>
        <translation>Digit Studio — Stant</translation>
    </message>
    <message>
        <source>Warming up the network…</source>
        <translation>Ağ ısınıyor…</translation>
    </message>
    <message>
        <source>Watch me read…</source>
        <translation>Nasıl okuduğumu izle…</translation>
    </message>
    <message>
        <source>{count} drawing today</source>
        <translation>Bugün {count} çizim</translation>
    </message>
    <message>
        <source>{count} drawings today</source>
        <translation>Bugün {count} çizim</translation>
    </message>
    <message>
        <source>{count} drawing today · {percent} right</source>
        <translation>Bugün {count} çizim · {percent} doğru</translation>
    </message>
    <message>
        <source>{count} drawings today · {percent} right</source>
        <translation>Bugün {count} çizim · {percent} doğru</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>batch loss</source>
        <translation>yığın kaybı</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>yumuşatılmış</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>doğr. kaybı</translation>
    </message>
    <message>
        <source>val acc</source>
        <translation>doğr. doğruluğu</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epok</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>kayıp</translation>
    </message>
    <message>
        <source>val accuracy</source>
        <translation>doğrulama doğruluğu</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Digit Studio</source>
        <translation>Digit Studio</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Fırça</translation>
    </message>
    <message>
        <source>Brush size</source>
        <translation>Fırça boyutu</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Silgi</translation>
    </message>
    <message>
        <source>Erase with the left button, pen or finger (the right button always erases)</source>
        <translation>Sol tuş, kalem ya da parmakla sil (sağ tuş her zaman siler)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Geri al</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Yinele</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Temizle</translation>
    </message>
    <message>
        <source>Train…</source>
        <translation>Eğit…</translation>
    </message>
    <message>
        <source>Train a network and watch it learn (Ctrl+T)</source>
        <translation>Bir ağ eğit ve öğrenişini izle (Ctrl+T)</translation>
    </message>
    <message>
        <source>Train a network</source>
        <translation>Ağ eğit</translation>
    </message>
    <message>
        <source>My handwriting</source>
        <translation>El yazım</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>Shipped &amp;Models</source>
        <translation>Hazır &amp;modeller</translation>
    </message>
    <message>
        <source>&amp;Open Model…</source>
        <translation>Model &amp;aç…</translation>
    </message>
    <message>
        <source>&amp;Save Model As…</source>
        <translation>Modeli farklı &amp;kaydet…</translation>
    </message>
    <message>
        <source>Save &amp;Drawing as PNG…</source>
        <translation>Çizimi &amp;PNG olarak kaydet…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Çık</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Dü&amp;zen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Geri al</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Yinele</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Temizle</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <source>&amp;Network Layers</source>
        <translation>Ağ &amp;katmanları</translation>
    </message>
    <message>
        <source>&amp;Training Panel</source>
        <translation>&amp;Eğitim paneli</translation>
    </message>
    <message>
        <source>Check with &amp;NumPy</source>
        <translation>&amp;NumPy ile denetle</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Tam ekran</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Dil</translation>
    </message>
    <message>
        <source>&amp;Teach</source>
        <translation>Öğ&amp;ret</translation>
    </message>
    <message>
        <source>&amp;Keep Drawing As</source>
        <translation>Çizimi şöyle &amp;sakla</translation>
    </message>
    <message>
        <source>&amp;My Handwriting</source>
        <translation>&amp;El yazım</translation>
    </message>
    <message>
        <source>&amp;Adapt the Model to My Handwriting…</source>
        <translation>Modeli el yazıma &amp;uyarla…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <source>&amp;About Digit Studio</source>
        <translation>Digit Studio &amp;hakkında</translation>
    </message>
    <message>
        <source>{device} · {model}</source>
        <translation>{device} · {model}</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Model yok</translation>
    </message>
    <message>
        <source>The recognition engine could not start</source>
        <translation>Tanıma motoru başlatılamadı</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Model yükleniyor…</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>{model} yükleniyor…</translation>
    </message>
    <message>
        <source>Now using {model}</source>
        <translation>Artık {model} kullanılıyor</translation>
    </message>
    <message>
        <source>The recognition engine could not start:

{reason}</source>
        <translation>Tanıma motoru başlatılamadı:

{reason}</translation>
    </message>
    <message>
        <source>Still using {model}.</source>
        <translation>Hâlâ {model} kullanılıyor.</translation>
    </message>
    <message>
        <source>No model is in use.</source>
        <translation>Kullanımda model yok.</translation>
    </message>
    <message>
        <source>Could not open the model</source>
        <translation>Model açılamadı</translation>
    </message>
    <message>
        <source>Draw a digit first, then say which digit it is.</source>
        <translation>Önce bir rakam çiz, sonra hangi rakam olduğunu söyle.</translation>
    </message>
    <message>
        <source>Kept as an {digit}: {counted} in My handwriting (Ctrl+H).</source>
        <translation>{digit} olarak saklandı: El yazım&apos;da toplam {counted} (Ctrl+H).</translation>
    </message>
    <message>
        <source>Kept as a {digit}: {counted} in My handwriting (Ctrl+H).</source>
        <translation>{digit} olarak saklandı: El yazım&apos;da toplam {counted} (Ctrl+H).</translation>
    </message>
    <message>
        <source>Kept as an {digit} ✓  ·  {counted} kept</source>
        <translation>{digit} olarak saklandı ✓  ·  toplam {counted}</translation>
    </message>
    <message>
        <source>Kept as a {digit} ✓  ·  {counted} kept</source>
        <translation>{digit} olarak saklandı ✓  ·  toplam {counted}</translation>
    </message>
    <message>
        <source>That drawing was imported as a picture; it has no strokes to draw.</source>
        <translation>Bu çizim resim olarak içe aktarıldı; çizilecek vuruşu yok.</translation>
    </message>
    <message>
        <source>The trained model is now in use; File ▸ Save Model As… keeps it on disk.</source>
        <translation>Eğitilen model artık kullanımda; Dosya ▸ Modeli farklı kaydet… onu diske kaydeder.</translation>
    </message>
    <message>
        <source>Could not save the adapted model</source>
        <translation>Uyarlanan model kaydedilemedi</translation>
    </message>
    <message>
        <source>The adapted model is saved as {file} among your models.</source>
        <translation>Uyarlanan model, modellerinin arasına {file} adıyla kaydedildi.</translation>
    </message>
    <message>
        <source>Recognition failed: {reason}</source>
        <translation>Tanıma başarısız: {reason}</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Model aç</translation>
    </message>
    <message>
        <source>Keras models (*.keras);;All files (*)</source>
        <translation>Keras modelleri (*.keras);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>Save Model</source>
        <translation>Modeli kaydet</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>Model hâlâ yükleniyor.</translation>
    </message>
    <message>
        <source>Save Model As</source>
        <translation>Modeli farklı kaydet</translation>
    </message>
    <message>
        <source>Keras models (*.keras)</source>
        <translation>Keras modelleri (*.keras)</translation>
    </message>
    <message>
        <source>Could not save the model</source>
        <translation>Model kaydedilemedi</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>{file} kaydedildi</translation>
    </message>
    <message>
        <source>Save Drawing</source>
        <translation>Çizimi kaydet</translation>
    </message>
    <message>
        <source>The canvas is empty: draw a digit first.</source>
        <translation>Tuval boş: önce bir rakam çiz.</translation>
    </message>
    <message>
        <source>Save Drawing as PNG</source>
        <translation>Çizimi PNG olarak kaydet</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG görüntüleri (*.png)</translation>
    </message>
    <message>
        <source>Could not save the drawing</source>
        <translation>Çizim kaydedilemedi</translation>
    </message>
    <message>
        <source>Could not write {file}:
{reason}</source>
        <translation>{file} yazılamadı:
{reason}</translation>
    </message>
    <message>
        <source>About Digit Studio</source>
        <translation>Digit Studio hakkında</translation>
    </message>
</context>
<context>
    <name>ModelLabel</name>
    <message>
        <source>{name} (shipped)</source>
        <translation>{name} (hazır)</translation>
    </message>
    <message>
        <source>{name} (training)</source>
        <translation>{name} (eğitiliyor)</translation>
    </message>
    <message>
        <source>{name} (trained, unsaved)</source>
        <translation>{name} (eğitildi, kaydedilmedi)</translation>
    </message>
</context>
<context>
    <name>NetworkText</name>
    <message>
        <source>, </source>
        <comment>between the numbers of a list</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>the NumPy engine (float32)</source>
        <translation>NumPy motoru (float32)</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>motor</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Girdi</translation>
    </message>
    <message>
        <source>28×28 pixels</source>
        <translation>28×28 piksel</translation>
    </message>
    <message>
        <source>Output · layer {number}</source>
        <translation>Çıktı · katman {number}</translation>
    </message>
    <message>
        <source>Layer {number}</source>
        <translation>Katman {number}</translation>
    </message>
    <message>
        <source>Conv {number}</source>
        <translation>Evrişim {number}</translation>
    </message>
    <message>
        <source>Max pool</source>
        <translation>Maks. havuzlama</translation>
    </message>
    <message>
        <source>Avg pool</source>
        <translation>Ort. havuzlama</translation>
    </message>
    <message>
        <source>10 digits · softmax</source>
        <translation>10 rakam · softmax</translation>
    </message>
    <message>
        <source>most active · click to pick</source>
        <translation>en aktif · seçmek için tıkla</translation>
    </message>
    <message>
        <source>click it again to unpin</source>
        <translation>bırakmak için yine tıkla</translation>
    </message>
    <message>
        <source>click a neuron to pick</source>
        <translation>seçmek için bir nörona tıkla</translation>
    </message>
    <message>
        <source>Weights into {neuron}</source>
        <translation>{neuron} ağırlıkları</translation>
    </message>
    <message>
        <source>Filter {unit} of {layer}</source>
        <translation>{layer} · filtre {unit}</translation>
    </message>
    <message>
        <source>{layer} · channel {channel}</source>
        <translation>{layer} · kanal {channel}</translation>
    </message>
    <message>
        <source>NumPy forward: {numpy} · {engine}: {value} · |Δ| = {difference}</source>
        <translation>NumPy ileri yayılım: {numpy} · {engine}: {value} · |Δ| = {difference}</translation>
    </message>
    <message>
        <source>Draw a digit to see the numbers.</source>
        <translation>Sayıları görmek için bir rakam çiz.</translation>
    </message>
    <message>
        <source>at row {row}, column {column}</source>
        <translation>satır {row}, sütun {column}</translation>
    </message>
    <message>
        <source>Output layer {layer} · neuron {unit} · digit {digit}</source>
        <translation>Çıktı katmanı {layer} · nöron {unit} · rakam {digit}</translation>
    </message>
    <message>
        <source>{name} · {inputs} inputs</source>
        <translation>{name} · {inputs} girdi</translation>
    </message>
    <message>
        <source>Layer {layer} · neuron {unit}</source>
        <translation>Katman {layer} · nöron {unit}</translation>
    </message>
    <message>
        <source>{name} · {activation} · {inputs} inputs</source>
        <translation>{name} · {activation} · {inputs} girdi</translation>
    </message>
    <message>
        <source>softmax of the 10 outputs → P(y = {digit} | x) = &lt;b&gt;{probability}&lt;/b&gt;</source>
        <translation>10 çıktının softmax&apos;ı → P(y = {digit} | x) = &lt;b&gt;{probability}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>softmax of the 10 outputs ÷ T = {temperature} → P(y = {digit} | x) = &lt;b&gt;{probability}&lt;/b&gt;</source>
        <translation>10 çıktının softmax&apos;ı ÷ T = {temperature} → P(y = {digit} | x) = &lt;b&gt;{probability}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>T: the model&apos;s calibration, so that “{percent} sure” is right {percent} of the time</source>
        <translation>T: modelin kalibrasyonu; böylece “{percent} emin” dediği yanıtların {percent} kadarı doğru çıkar</translation>
    </message>
    <message>
        <source>pixel ({row}, {column})</source>
        <translation>piksel ({row}, {column})</translation>
    </message>
    <message>
        <source>biggest terms w·a: {terms}</source>
        <translation>en büyük w·a terimleri: {terms}</translation>
    </message>
    <message>
        <source>{layer} · channel {channel} of {count}</source>
        <translation>{layer} · kanal {channel} / {count}</translation>
    </message>
    <message>
        <source>{name} · {activation} · {size} filter</source>
        <translation>{name} · {activation} · {size} filtre</translation>
    </message>
    <message>
        <source>a = g(Σ filter ⊙ patch + b): the filter slid over the layer before</source>
        <translation>a = g(Σ filtre ⊙ yama + b): filtre, önceki katmanın üzerinde kaydırılır</translation>
    </message>
    <message>
        <source>{summary} · click: its filter</source>
        <translation>{summary} · tıkla: filtresi</translation>
    </message>
    <message>
        <source>{name} · {size} windows · no weights</source>
        <translation>{name} · {size} pencereler · ağırlık yok</translation>
    </message>
    <message>
        <source>a = max of each {size} window of the layer before</source>
        <translation>a = önceki katmanın her {size} penceresindeki en büyük değer</translation>
    </message>
    <message>
        <source>a = mean of each {size} window of the layer before</source>
        <translation>a = önceki katmanın her {size} penceresindeki değerlerin ortalaması</translation>
    </message>
    <message>
        <source>channel {channel}: max {max} at ({row}, {column}) · mean {mean}</source>
        <translation>kanal {channel}: en büyük {max}, konum ({row}, {column}) · ortalama {mean}</translation>
    </message>
    <message>
        <source>Input x = a&lt;sup&gt;[0]&lt;/sup&gt;</source>
        <translation>Girdi x = a&lt;sup&gt;[0]&lt;/sup&gt;</translation>
    </message>
    <message>
        <source>the 28×28 image the network sees, 0 = black, 1 = ink</source>
        <translation>ağın gördüğü 28×28 görüntü, 0 = siyah, 1 = mürekkep</translation>
    </message>
    <message>
        <source>pixel row {row}, column {column}: x = &lt;b&gt;{x}&lt;/b&gt;</source>
        <translation>piksel: satır {row}, sütun {column}: x = &lt;b&gt;{x}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>lines the {inputs} values up into one vector of {outputs}: no computation</source>
        <translation>{inputs} değeri {outputs} uzunluğunda tek bir vektöre dizer: hesaplama yok</translation>
    </message>
    <message>
        <source>{inputs} → {outputs}: the same numbers, arranged for the layers after it</source>
        <translation>{inputs} → {outputs}: aynı sayılar, sonraki katmanlar için yeniden dizilir</translation>
    </message>
    <message>
        <source>during training zeroes {rate} of its inputs at random; when recognising it passes them through unchanged</source>
        <translation>eğitim sırasında girdilerinin {rate} kadarını rastgele sıfırlar; tanırken onları değiştirmeden geçirir</translation>
    </message>
    <message>
        <source>normalises each of its {channels} channels: γ(x − μ)/√(σ² + ε) + β</source>
        <translation>{channels} kanalının her birini normalleştirir: γ(x − μ)/√(σ² + ε) + β</translation>
    </message>
    <message>
        <source>e.g. channel 0: γ = {gamma}, β = {beta}, μ = {mean}, σ² = {variance}</source>
        <translation>örn. kanal 0: γ = {gamma}; β = {beta}; μ = {mean}; σ² = {variance}</translation>
    </message>
    <message>
        <source>blue: positive · orange: negative · dark: near 0 (scale ±{top})</source>
        <translation>mavi: pozitif · turuncu: negatif · koyu: 0&apos;a yakın (ölçek ±{top})</translation>
    </message>
    <message>
        <source>click a neuron or a channel to pin it here; click it again to follow the most active</source>
        <translation>burada sabitlemek için bir nörona ya da kanala tıkla; en aktif olanı izlemek için yine tıkla</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation>Personel PIN&apos;i</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Tamam</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source>Click the digit you meant to keep this drawing (Ctrl+0 … Ctrl+9)</source>
        <translation>Bu çizimi saklamak için doğru rakama tıkla (Ctrl+0 … Ctrl+9)</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <source>Keep this model</source>
        <translation>Bu modeli sakla</translation>
    </message>
    <message>
        <source>Use the trained network from now on</source>
        <translation>Bundan sonra eğitilen ağı kullan</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Vazgeç</translation>
    </message>
    <message>
        <source>Throw the trained network away: the previous model comes back</source>
        <translation>Eğitilen ağı at: önceki model geri gelir</translation>
    </message>
    <message>
        <source>test accuracy · {count} unseen images</source>
        <translation>test doğruluğu · görülmemiş {count} görüntü</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Touch the screen to draw your own digit</source>
        <translation>Kendi rakamını çizmek için ekrana dokun</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <source>SGD + momentum {momentum}</source>
        <translation>SGD + momentum {momentum}</translation>
    </message>
    <message>
        <source>All {train} images (+{validate} to validate)</source>
        <translation>Tüm {train} görüntü (+{validate} doğrulama için)</translation>
    </message>
    <message>
        <source>{count} images · quick demo</source>
        <translation>{count} görüntü · hızlı deneme</translation>
    </message>
    <message>
        <source>{count} images</source>
        <translation>{count} görüntü</translation>
    </message>
    <message>
        <source>The learning rate {value} is not a positive number.</source>
        <translation>Öğrenme oranı {value} pozitif bir sayı değil.</translation>
    </message>
    <message>
        <source>NETWORK</source>
        <translation>AĞ</translation>
    </message>
    <message>
        <source>TRAINING</source>
        <translation>EĞİTİM</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epok</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Yığın</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Öğrenme oranı</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimizasyon</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>Eğitim kümesi</translation>
    </message>
    <message>
        <source>Epochs: how many times the network sees every training image</source>
        <translation>Epok: ağın her eğitim görüntüsünü kaç kez göreceği</translation>
    </message>
    <message>
        <source>Batch size: images per weight update</source>
        <translation>Yığın boyutu: her ağırlık güncellemesinde kullanılan görüntü sayısı</translation>
    </message>
    <message>
        <source>Learning rate: pick one or type any positive number (e.g. 5e-4)</source>
        <translation>Öğrenme oranı: birini seç ya da herhangi bir pozitif sayı yaz (ör. 5e-4)</translation>
    </message>
    <message>
        <source>Optimizer: how each weight update follows the loss&apos;s gradient</source>
        <translation>Optimizasyon: her ağırlık güncellemesinin kaybın gradyanını nasıl izlediği</translation>
    </message>
    <message>
        <source>Augment: small rotations, shears, shifts, pen widths</source>
        <translation>Veri artırma: döndürme, eğme, kaydırma, kalem kalınlığı</translation>
    </message>
    <message>
        <source>Each batch is randomly distorted like hand-drawn digits; slower to learn, better on drawings</source>
        <translation>Her yığın elle çizilmiş rakamlar gibi rastgele bozulur; öğrenme yavaşlar ama çizimlerde daha iyi sonuç verir</translation>
    </message>
    <message>
        <source>Also learn people&apos;s drawings and non-digits</source>
        <translation>İnsanların çizimlerini ve rakam olmayanları da öğren</translation>
    </message>
    <message>
        <source>Adds real pen-drawn digits, regional forms (flagged 1, crossed 7, curled 9) and scribbles the network learns to call &quot;not a digit&quot;; the first run draws them (a few minutes), later runs reuse them</source>
        <translation>Kalemle çizilmiş gerçek rakamlar, bölgesel biçimler (bayraklı 1, ortası çizgili 7, kıvrık 9) ve ağın &quot;rakam değil&quot; demeyi öğrendiği karalamalar ekler; ilk eğitim bunları çizer (birkaç dakika), sonrakiler yeniden kullanır</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Training needs the full installation of Digit Studio: this one has no TensorFlow, so it recognises digits but cannot train networks.</source>
        <translation>Eğitim için Digit Studio&apos;nun tam kurulumu gerekir: bu kurulumda TensorFlow yok; rakamları tanır ama ağ eğitemez.</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · batch {step}/{steps} · {rate} img/s · {left} left</source>
        <translation>Epok {epoch}/{epochs} · yığın {step}/{steps} · {rate} görüntü/sn · {left} kaldı</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Hazır</translation>
    </message>
    <message>
        <source>Adapting to your handwriting</source>
        <translation>El yazına uyarlanıyor</translation>
    </message>
    <message>
        <source>Train a network</source>
        <translation>Ağ eğit</translation>
    </message>
    <message>
        <source>Start training (Ctrl+Enter)</source>
        <translation>Eğitimi başlat (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Hold the run after the batch in progress; press again to go on</source>
        <translation>Eğitimi süren yığından sonra beklet; devam etmek için yeniden bas</translation>
    </message>
    <message>
        <source>End the run after the batch in progress: the network so far is still tested, to keep or discard</source>
        <translation>Eğitimi süren yığından sonra bitir: ağın o ana kadarki hâli yine test edilir, saklayabilir ya da vazgeçebilirsin</translation>
    </message>
    <message>
        <source>Trained on {device}</source>
        <translation>{device} üzerinde eğitildi</translation>
    </message>
    <message>
        <source>Training on {device}</source>
        <translation>{device} üzerinde eğitiliyor</translation>
    </message>
    <message>
        <source>TensorFlow computes on {device}</source>
        <translation>TensorFlow {device} üzerinde hesaplıyor</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Eğitiliyor…</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Eğit</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Sürdür</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Duraklat</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Durdur</translation>
    </message>
    <message>
        <source>Fine-tuning a copy of {model} on {trained} of your drawings ({held} newest held out to compare before and after), mixed with MNIST digits so it does not forget.</source>
        <translation>{model} modelinin bir kopyası {trained} çiziminle ince ayarlanıyor (öncesini ve sonrasını karşılaştırmak için en yeni {held} çizim ayrıldı); unutmaması için MNIST rakamları da karıştırılıyor.</translation>
    </message>
    <message>
        <source>Fine-tuning a copy of {model} on {trained} of your drawings (too few of each digit to hold any out: compared on the training drawings), mixed with MNIST digits so it does not forget.</source>
        <translation>{model} modelinin bir kopyası {trained} çiziminle ince ayarlanıyor (her rakamdan ayıracak kadar çizim yok: karşılaştırma eğitim çizimleri üzerinde); unutmaması için MNIST rakamları da karıştırılıyor.</translation>
    </message>
    <message>
        <source>1 epoch.</source>
        <translation>1 epok.</translation>
    </message>
    <message>
        <source>{count} epochs.</source>
        <translation>{count} epok.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Başlıyor…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Durduruluyor…</translation>
    </message>
    <message>
        <source>Kept: the adapted model is saved among your models and is now the current model.</source>
        <translation>Saklandı: uyarlanan model modellerinin arasına kaydedildi ve artık geçerli model.</translation>
    </message>
    <message>
        <source>Kept: {model} is now the current model (File ▸ Save Model As… to save it).</source>
        <translation>Saklandı: {model} artık geçerli model (diske kaydetmek için Dosya ▸ Modeli farklı kaydet…).</translation>
    </message>
    <message>
        <source>Discarded: the previous model is back.</source>
        <translation>Vazgeçildi: önceki model geri geldi.</translation>
    </message>
    <message>
        <source>Paused · epoch {epoch}/{epochs} · batch {step}/{steps}</source>
        <translation>Duraklatıldı · epok {epoch}/{epochs} · yığın {step}/{steps}</translation>
    </message>
    <message>
        <source>loss {loss}  ·  train acc {accuracy}</source>
        <translation>kayıp {loss}  ·  eğitim doğruluğu {accuracy}</translation>
    </message>
    <message>
        <source>loss {loss}  ·  train acc {accuracy}  ·  val loss {val_loss}  ·  val acc {val_accuracy}</source>
        <translation>kayıp {loss} · doğruluk {accuracy} · doğr. kaybı {val_loss} · doğr. doğruluğu {val_accuracy}</translation>
    </message>
    <message>
        <source>Stopped: the loss diverged</source>
        <translation>Durduruldu: kayıp ıraksadı</translation>
    </message>
    <message>
        <source>Stopped: the loss became NaN</source>
        <translation>Durduruldu: kayıp NaN oldu</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Bitti</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Durduruldu</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Başarısız</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>Eğitim başarısız oldu: {error}</translation>
    </message>
    <message>
        <source>The weights are those of the last batch.</source>
        <translation>Ağırlıklar son yığındaki hâliyle kaldı.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>your held-out drawings · before {before}</source>
        <translation>ayrılan çizimlerin · önce {before}</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>Draw and label at least {min_samples} digits first, of at least {min_digits} different digits (there are 0 samples): adapting needs some of each to learn from and some to check with.</source>
        <translation>Önce en az {min_digits} farklı rakamdan en az {min_samples} rakam çizip etiketle (şu an hiç örnek yok): uyarlama için her birinden hem öğrenecek hem de denetleyecek kadar örnek gerekir.</translation>
    </message>
    <message>
        <source>Draw and label at least {min_samples} digits first, of at least {min_digits} different digits (there is 1 sample of 1 digit): adapting needs some of each to learn from and some to check with.</source>
        <translation>Önce en az {min_digits} farklı rakamdan en az {min_samples} rakam çizip etiketle (şu an 1 rakamdan 1 örnek var): uyarlama için her birinden hem öğrenecek hem de denetleyecek kadar örnek gerekir.</translation>
    </message>
    <message>
        <source>Draw and label at least {min_samples} digits first, of at least {min_digits} different digits (there are {count} samples of 1 digit): adapting needs some of each to learn from and some to check with.</source>
        <translation>Önce en az {min_digits} farklı rakamdan en az {min_samples} rakam çizip etiketle (şu an 1 rakamdan {count} örnek var): uyarlama için her birinden hem öğrenecek hem de denetleyecek kadar örnek gerekir.</translation>
    </message>
    <message>
        <source>Draw and label at least {min_samples} digits first, of at least {min_digits} different digits (there are {count} samples of {digits} digits): adapting needs some of each to learn from and some to check with.</source>
        <translation>Önce en az {min_digits} farklı rakamdan en az {min_samples} rakam çizip etiketle (şu an {digits} rakamdan {count} örnek var): uyarlama için her birinden hem öğrenecek hem de denetleyecek kadar örnek gerekir.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>{value}%</source>
        <translation>%{value}</translation>
    </message>
    <message>
        <source>your samples (nothing could be held out: measured on the training samples): {before} → {after}</source>
        <translation>örneklerin (hiçbiri ayrılamadı: eğitim örneklerinde ölçüldü): {before} → {after}</translation>
    </message>
    <message>
        <source>your {count} held-out samples: {before} → {after}</source>
        <translation>ayrılmış {count} örneğin: {before} → {after}</translation>
    </message>
    <message>
        <source>MNIST test ({count}): {before} → {after}</source>
        <translation>MNIST testi ({count}): {before} → {after}</translation>
    </message>
    <message>
        <source>trained on {samples} of your samples and {general} general images, 1 epoch, {seconds} s (from {source})</source>
        <translation>örneklerinden {samples} tanesi ve {general} genel görüntüyle eğitildi, 1 epok, {seconds} sn (kaynak: {source})</translation>
    </message>
    <message>
        <source>trained on {samples} of your samples and {general} general images, {epochs} epochs, {seconds} s (from {source})</source>
        <translation>örneklerinden {samples} tanesi ve {general} genel görüntüyle eğitildi, {epochs} epok, {seconds} sn (kaynak: {source})</translation>
    </message>
    <message>
        <source>Nothing to save to {path}: the adaptation made no model.</source>
        <translation>{path} konumuna kaydedilecek bir şey yok: uyarlama bir model üretmedi.</translation>
    </message>
    <message>
        <source>Draw and label at least {min_samples} digits first: there are no samples.</source>
        <translation>Önce en az {min_samples} rakam çizip etiketle: hiç örnek yok.</translation>
    </message>
    <message>
        <source>Adapting stopped before it began.</source>
        <translation>Uyarlama başlamadan durduruldu.</translation>
    </message>
    <message>
        <source>Adapting failed: {error}</source>
        <translation>Uyarlama başarısız oldu: {error}</translation>
    </message>
    <message>
        <source>Adapting a model</source>
        <translation>Bir modeli uyarlamak</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow yükleniyor…</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>{model} yükleniyor…</translation>
    </message>
    <message>
        <source>{model} has no layers with weights after its last Flatten</source>
        <translation>{model}: son Flatten katmanından sonra ağırlıklı katman yok</translation>
    </message>
    <message>
        <source>Drawing non-digits (cached after the first time)…</source>
        <translation>Rakam olmayan çizimler oluşturuluyor (ilk seferden sonra önbellekte tutulur)…</translation>
    </message>
    <message>
        <source>Preparing your samples…</source>
        <translation>Örneklerin hazırlanıyor…</translation>
    </message>
    <message>
        <source>Computing the frozen layers&apos; features…</source>
        <translation>Dondurulmuş katmanların öznitelikleri hesaplanıyor…</translation>
    </message>
    <message>
        <source>Fine-tuning on your handwriting…</source>
        <translation>El yazına göre ince ayar yapılıyor…</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>MNIST yükleniyor…</translation>
    </message>
    <message>
        <source>Adapting stopped after 1 epoch of {epochs}.</source>
        <translation>Uyarlama durduruldu: 1/{epochs} epok tamamlandı.</translation>
    </message>
    <message>
        <source>Adapting stopped after {done} epochs of {epochs}.</source>
        <translation>Uyarlama durduruldu: {done}/{epochs} epok tamamlandı.</translation>
    </message>
    <message>
        <source>Adapted to your handwriting: 1 epoch on {samples} of your samples.</source>
        <translation>El yazına uyarlandı: örneklerinden {samples} tanesiyle 1 epok.</translation>
    </message>
    <message>
        <source>Adapted to your handwriting: {done} epochs on {samples} of your samples.</source>
        <translation>El yazına uyarlandı: örneklerinden {samples} tanesiyle {done} epok.</translation>
    </message>
    <message>
        <source>Adapting stopped at epoch {epoch}, batch {batch}: the loss diverged ({loss}).</source>
        <translation>Uyarlama {epoch}. epokta, {batch}. yığında durdu: kayıp ıraksadı ({loss}).</translation>
    </message>
    <message>
        <source>Adapting stopped at epoch {epoch}, batch {batch}: the loss became NaN.</source>
        <translation>Uyarlama {epoch}. epokta, {batch}. yığında durdu: kayıp NaN oldu.</translation>
    </message>
    <message>
        <source>Adapting stopped at epoch {epoch}, batch {batch}: the loss became infinite.</source>
        <translation>Uyarlama {epoch}. epokta, {batch}. yığında durdu: kayıp sonsuz oldu.</translation>
    </message>
    <message>
        <source>{model} is unchanged.</source>
        <translation>{model} değişmedi.</translation>
    </message>
    <message>
        <source>Testing on {count} images…</source>
        <translation>{count} görüntüde test ediliyor…</translation>
    </message>
    <message>
        <source>{model} is not a plain stack of layers; only the app&apos;s own kind of network can be adapted</source>
        <translation>{model} düz bir katman yığını değil; yalnızca uygulamanın kendi türündeki ağlar uyarlanabilir</translation>
    </message>
    <message>
        <source>{name} (shipped)</source>
        <translation>{name} (hazır)</translation>
    </message>
    <message>
        <source>{problem} — and this installation has no TensorFlow.</source>
        <translation>{problem} — ve bu kurulumda TensorFlow yok.</translation>
    </message>
    <message>
        <source>Loading {name} with TensorFlow</source>
        <translation>{name} dosyasını TensorFlow ile yüklemek</translation>
    </message>
    <message>
        <source>{problem} — using the shipped {model} instead.</source>
        <translation>{problem} — onun yerine hazır {model} modeli kullanılıyor.</translation>
    </message>
    <message>
        <source>{problem} — using the {model} instead.</source>
        <translation>{problem} — onun yerine {model} kullanılıyor.</translation>
    </message>
    <message>
        <source>MNIST file not found: {path}</source>
        <translation>MNIST dosyası bulunamadı: {path}</translation>
    </message>
    <message>
        <source>MNIST file {path} is unreadable or corrupt: {error}</source>
        <translation>MNIST dosyası okunamıyor ya da bozuk: {path}: {error}</translation>
    </message>
    <message>
        <source>MNIST file {path} has no &apos;{key}&apos; array</source>
        <translation>MNIST dosyasında &apos;{key}&apos; dizisi yok: {path}</translation>
    </message>
    <message>
        <source>MNIST file {path}: &apos;{key}&apos; is {found}, expected {expected}</source>
        <translation>MNIST dosyası {path}: &apos;{key}&apos; {found}, beklenen {expected}</translation>
    </message>
    <message>
        <source>MNIST file {path}: &apos;{key}&apos; has labels outside 0..9</source>
        <translation>MNIST dosyası {path}: &apos;{key}&apos; içinde 0..9 dışında etiketler var</translation>
    </message>
    <message>
        <source>This</source>
        <translation>Bu işlem</translation>
    </message>
    <message>
        <source>{what} needs TensorFlow, which this installation does not have (it recognises digits only). Install the full Digit Studio to train.</source>
        <translation>{what} için TensorFlow gerekir, ama bu kurulumda TensorFlow yok (yalnızca rakam tanır). Eğitmek için Digit Studio&apos;nun tam sürümünü kur.</translation>
    </message>
    <message>
        <source>Could not read {name}: its model configuration is not valid JSON ({error}); the file may be damaged.</source>
        <translation>{name} okunamadı: model yapılandırması geçerli bir JSON değil ({error}); dosya bozuk olabilir.</translation>
    </message>
    <message>
        <source>Could not read {name}: the model has no layers</source>
        <translation>{name} okunamadı: modelde hiç katman yok</translation>
    </message>
    <message>
        <source>Could not read {name}: it holds no {member}, so it is not a Keras model file (or it is damaged).</source>
        <translation>{name} okunamadı: içinde {member} yok, yani bir Keras model dosyası değil (ya da bozuk).</translation>
    </message>
    <message>
        <source>Could not read {name}: its weights are stored in a form this reader does not know ({found}).</source>
        <translation>{name} okunamadı: ağırlıkları bu okuyucunun bilmediği bir biçimde saklanmış ({found}).</translation>
    </message>
    <message>
        <source>Could not read {name}: it holds no weights ({member}).</source>
        <translation>{name} okunamadı: içinde ağırlık yok ({member}).</translation>
    </message>
    <message>
        <source>Could not read {name}: its {member} is {size} bytes, far too large for a model configuration.</source>
        <translation>{name} okunamadı: içindeki {member} {size} bayt, bir model yapılandırması için fazlasıyla büyük.</translation>
    </message>
    <message>
        <source>Could not read {name}: the file is damaged ({error}).</source>
        <translation>{name} okunamadı: dosya bozuk ({error}).</translation>
    </message>
    <message>
        <source>Could not read {name}: its configuration does not describe a model.</source>
        <translation>{name} okunamadı: yapılandırması bir model tanımlamıyor.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: it is a custom model built by custom code, which this reader does not run.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: özel kodla kurulmuş özel bir model; bu okuyucu özel kod çalıştırmaz.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: it is a {kind} model built by custom code, which this reader does not run.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: özel kodla kurulmuş bir {kind} modeli; bu okuyucu özel kod çalıştırmaz.</translation>
    </message>
    <message>
        <source>Could not read {name}: the model has no name.</source>
        <translation>{name} okunamadı: modelin adı yok.</translation>
    </message>
    <message>
        <source>Could not read {name}: a layer&apos;s configuration is damaged.</source>
        <translation>{name} okunamadı: bir katmanın yapılandırması bozuk.</translation>
    </message>
    <message>
        <source>Could not read {name}: a layer has no kind or no name.</source>
        <translation>{name} okunamadı: bir katmanın türü ya da adı yok.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} is a whole {kind} model nested inside it.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı, içine yerleştirilmiş bütün bir {kind} modeli.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} is a Lambda layer: custom code, which this reader never runs.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı bir Lambda katmanı, yani özel kod; bu okuyucu özel kodu asla çalıştırmaz.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} is a custom layer ({kind}).</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı özel bir katman ({kind}).</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} is of a kind this reader does not know ({kind}).</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı bu okuyucunun bilmediği bir türde ({kind}).</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} computes in {dtype}; this reader computes in float32 only.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı {dtype} ile hesaplıyor; bu okuyucu yalnızca float32 ile hesaplar.</translation>
    </message>
    <message>
        <source>Could not read {name}: its input shape {shape} is not one a digit model takes (28×28 images).</source>
        <translation>{name} okunamadı: girdi biçimi {shape}, bir rakam modelinin aldığı biçim (28×28 görüntüler) değil.</translation>
    </message>
    <message>
        <source>Could not read {name}: the model has more than one input layer.</source>
        <translation>{name} okunamadı: modelin birden fazla girdi katmanı var.</translation>
    </message>
    <message>
        <source>Could not read {name}: its input layer is not its first layer.</source>
        <translation>{name} okunamadı: girdi katmanı ilk katmanı değil.</translation>
    </message>
    <message>
        <source>Could not read {name}: the model was saved before it was built, so its input shape is unknown.</source>
        <translation>{name} okunamadı: model kurulmadan önce kaydedilmiş, bu yüzden girdi biçimi bilinmiyor.</translation>
    </message>
    <message>
        <source>Could not read {name}: the model&apos;s first layer is not its input.</source>
        <translation>{name} okunamadı: modelin ilk katmanı girdisi değil.</translation>
    </message>
    <message>
        <source>Could not read {name}: two of its layers have the same name.</source>
        <translation>{name} okunamadı: katmanlarından ikisi aynı adı taşıyor.</translation>
    </message>
    <message>
        <source>Could not read {name}: its inputs or outputs are not recorded.</source>
        <translation>{name} okunamadı: girdileri ya da çıktıları kayıtlı değil.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layers are not one simple chain from the input to the output (branches, shared or reused layers).</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: katmanları girdiden çıktıya tek bir basit zincir oluşturmuyor (dallar, paylaşılan ya da yeniden kullanılan katmanlar).</translation>
    </message>
    <message>
        <source>Could not read {name}: layer {layer} ({kind}) takes {expected}, but its input has shape {shape}.</source>
        <translation>{name} okunamadı: {layer} katmanı ({kind}) {expected} bekliyor, ama girdisinin biçimi {shape}.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} ({kind}) uses {option}, which this reader does not do.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı ({kind}) bu okuyucunun yapmadığı bir özellik kullanıyor: {option}.</translation>
    </message>
    <message>
        <source>images of at least {height}×{width}</source>
        <translation>en az {height}×{width} boyutunda görüntüler</translation>
    </message>
    <message>
        <source>an input with at least one axis</source>
        <translation>en az bir eksenli bir girdi</translation>
    </message>
    <message>
        <source>images (height, width, channels)</source>
        <translation>görüntüler (yükseklik, genişlik, kanal)</translation>
    </message>
    <message>
        <source>quantization</source>
        <translation>nicemleme</translation>
    </message>
    <message>
        <source>batch renormalization (renorm)</source>
        <translation>yığın yeniden normalleştirme (renorm)</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} ({kind}) is a layer kind this reader does not know.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı ({kind}) bu okuyucunun bilmediği bir katman türü.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} ({kind}) uses the activation &apos;a custom activation&apos;, which this reader does not do (it knows {known}).</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı ({kind}) bu okuyucunun yapmadığı özel bir aktivasyon kullanıyor (bildikleri: {known}).</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} ({kind}) uses the activation {activation}, which this reader does not do (it knows {known}).</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı ({kind}) bu okuyucunun yapmadığı {activation} aktivasyonunu kullanıyor (bildikleri: {known}).</translation>
    </message>
    <message>
        <source>Could not read {name}: layer {layer} has {key}={value}.</source>
        <translation>{name} okunamadı: {layer} katmanında {key}={value}.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} uses padding={value}, which this reader does not do.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı bu okuyucunun yapmadığı padding={value} ayarını kullanıyor.</translation>
    </message>
    <message>
        <source>Could not read {name}: layer {layer} cannot reshape {shape} to {target}.</source>
        <translation>{name} okunamadı: {layer} katmanı {shape} biçimini {target} biçimine dönüştüremez.</translation>
    </message>
    <message>
        <source>Could not read {name}: it holds no weights for layer {layer}.</source>
        <translation>{name} okunamadı: içinde {layer} katmanı için ağırlık yok.</translation>
    </message>
    <message>
        <source>Could not read {name}: its weights cannot be read ({error}); the file may be damaged.</source>
        <translation>{name} okunamadı: ağırlıkları okunamıyor ({error}); dosya bozuk olabilir.</translation>
    </message>
    <message>
        <source>Could not read {name}: layer {layer} has {found} weight arrays in the file; its configuration needs {needed}.</source>
        <translation>{name} okunamadı: dosyada {layer} katmanının {found} ağırlık dizisi var; yapılandırması {needed} dizi gerektiriyor.</translation>
    </message>
    <message>
        <source>Could not read {name}: weight {key} of layer {layer} has shape {found}; its configuration needs {shape}.</source>
        <translation>{name} okunamadı: {layer} katmanının {key} ağırlığının biçimi {found}; yapılandırması {shape} gerektiriyor.</translation>
    </message>
    <message>
        <source>Could not read {name}: weight {key} of layer {layer} is not floating point ({dtype}).</source>
        <translation>{name} okunamadı: {layer} katmanının {key} ağırlığı kayan noktalı değil ({dtype}).</translation>
    </message>
    <message>
        <source>Model files end in .keras, not nothing: {path}</source>
        <translation>Model dosyalarının uzantısı .keras olur, bu dosyanın uzantısı yok: {path}</translation>
    </message>
    <message>
        <source>Model files end in .keras, not {suffix}: {path}</source>
        <translation>Model dosyalarının uzantısı {suffix} değil, .keras olur: {path}</translation>
    </message>
    <message>
        <source>{path} is a folder; give a .keras file name</source>
        <translation>{path} bir klasör; bir .keras dosya adı ver</translation>
    </message>
    <message>
        <source>Cannot save to {path}: {folder} is a file, not a folder</source>
        <translation>{path} konumuna kaydedilemiyor: {folder} bir klasör değil, dosya</translation>
    </message>
    <message>
        <source>Cannot save to {path}: the folder {folder} is not writable ({reason})</source>
        <translation>{path} konumuna kaydedilemiyor: {folder} klasörüne yazılamıyor ({reason})</translation>
    </message>
    <message>
        <source>Could not save the model to {path}: {error}</source>
        <translation>Model kaydedilemedi ({path}): {error}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a .keras model file</source>
        <translation>{path} bir .keras model dosyası değil, klasör</translation>
    </message>
    <message>
        <source>Model file not found: {path}</source>
        <translation>Model dosyası bulunamadı: {path}</translation>
    </message>
    <message>
        <source>{name} is not a Keras model file (.keras files are zip archives); it may be truncated or of another format.</source>
        <translation>{name} bir Keras model dosyası değil (.keras dosyaları zip arşividir); eksik ya da başka biçimde olabilir.</translation>
    </message>
    <message>
        <source>it contains custom code (a Lambda layer), which is not loaded for safety</source>
        <translation>özel kod (bir Lambda katmanı) içeriyor; güvenlik için yüklenmez</translation>
    </message>
    <message>
        <source>it uses custom layers or code this app does not have</source>
        <translation>bu uygulamada olmayan özel katmanlar ya da kod kullanıyor</translation>
    </message>
    <message>
        <source>Could not load {name}: {reason}</source>
        <translation>{name} yüklenemedi: {reason}</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>{model} has no usable input/output shape ({error})</source>
        <translation>{model}: kullanılabilir bir girdi/çıktı biçimi yok ({error})</translation>
    </message>
    <message>
        <source>{model} must have one input and one output</source>
        <translation>{model} tek girdili ve tek çıktılı olmalı</translation>
    </message>
    <message>
        <source>{model} takes input of shape {shape}; a digit model takes 28×28 images</source>
        <translation>{model} {shape} biçiminde girdi alıyor; bir rakam modeli 28×28 görüntü alır</translation>
    </message>
    <message>
        <source>{model} gives output of shape {shape}; a digit model gives 10 scores</source>
        <translation>{model} {shape} biçiminde çıktı veriyor; bir rakam modeli 10 puan verir</translation>
    </message>
    <message>
        <source>This network was not read from a file; save it from the training run.</source>
        <translation>Bu ağ bir dosyadan okunmadı; onu eğitim çalışmasından kaydet.</translation>
    </message>
    <message>
        <source>Saving a network whose weights changed</source>
        <translation>Ağırlıkları değişmiş bir ağı kaydetmek</translation>
    </message>
    <message>
        <source>cannot create the folder for the sample database {path}: {error}</source>
        <translation>örnek veritabanının klasörü oluşturulamıyor ({path}): {error}</translation>
    </message>
    <message>
        <source>{path} is not a Digit Studio sample database (it is damaged or another kind of file): {error}</source>
        <translation>{path} bir Digit Studio örnek veritabanı değil (bozuk ya da başka türde bir dosya): {error}</translation>
    </message>
    <message>
        <source>cannot open the sample database {path}: {error}</source>
        <translation>örnek veritabanı açılamıyor ({path}): {error}</translation>
    </message>
    <message>
        <source>the sample database {path} was written by a newer Digit Studio (data version {version}; this app reads up to {known}): this app is older than the data. Update Digit Studio to use these samples.</source>
        <translation>{path} örnek veritabanı daha yeni bir Digit Studio ile yazılmış (veri sürümü {version}; bu uygulama en çok {known} sürümünü okur): bu uygulama verilerden eski. Bu örnekleri kullanmak için Digit Studio&apos;yu güncelle.</translation>
    </message>
    <message>
        <source>{path} has a samples table without the column(s) {columns}: it is not a Digit Studio sample database</source>
        <translation>{path} içindeki samples tablosunda {columns} sütunları yok: bu bir Digit Studio örnek veritabanı değil</translation>
    </message>
    <message>
        <source>the sample database {path} is closed</source>
        <translation>örnek veritabanı kapalı: {path}</translation>
    </message>
    <message>
        <source>cannot write the sample database {path}: {error}</source>
        <translation>örnek veritabanına yazılamıyor ({path}): {error}</translation>
    </message>
    <message>
        <source>cannot read the sample database {path}: {error}</source>
        <translation>örnek veritabanı okunamıyor ({path}): {error}</translation>
    </message>
    <message>
        <source>sample {id} in {path} has a damaged image ({size} bytes, not {expected})</source>
        <translation>{path} içindeki {id} numaralı örneğin görüntüsü bozuk ({expected} değil, {size} bayt)</translation>
    </message>
    <message>
        <source>cannot export the samples to {folder}: {error}</source>
        <translation>örnekler dışa aktarılamıyor ({folder}): {error}</translation>
    </message>
    <message>
        <source>{folder} has no {file} (a &apos;file,label&apos; list of the images)</source>
        <translation>{folder} içinde {file} yok (görüntülerin &apos;file,label&apos; listesi)</translation>
    </message>
    <message>
        <source>cannot read {file}: {error}</source>
        <translation>{file} okunamıyor: {error}</translation>
    </message>
    <message>
        <source>model must be a ModelSpec or a preset&apos;s name, not {kind}</source>
        <translation>model bir ModelSpec ya da hazır bir ağın adı olmalı, {kind} değil</translation>
    </message>
    <message>
        <source>augment must be true or false, not {value}</source>
        <translation>augment true ya da false olmalı, {value} değil</translation>
    </message>
    <message>
        <source>learning rate must be a positive number, not {value}</source>
        <translation>öğrenme oranı pozitif bir sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <source>unknown optimizer {value}; expected one of {known}</source>
        <translation>bilinmeyen optimizasyon algoritması {value}; beklenenler: {known}</translation>
    </message>
    <message>
        <source>unknown training data {value}; expected one of {known}</source>
        <translation>bilinmeyen eğitim verisi {value}; beklenenler: {known}</translation>
    </message>
    <message>
        <source>{name} must be a whole number, not {value}</source>
        <translation>{name} bir tam sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <source>{name} must be a finite number, not {value}</source>
        <translation>{name} sonlu bir sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <source>Nothing to save to {path}: no network was built.</source>
        <translation>{path} konumuna kaydedilecek bir şey yok: hiç ağ kurulmadı.</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>Eğitim başarısız oldu: {error}</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Eğitim</translation>
    </message>
    <message>
        <source>Training stopped before it began.</source>
        <translation>Eğitim başlamadan durduruldu.</translation>
    </message>
    <message>
        <source>Building the network…</source>
        <translation>Ağ kuruluyor…</translation>
    </message>
    <message>
        <source>Compiling the training step…</source>
        <translation>Eğitim adımı derleniyor…</translation>
    </message>
    <message>
        <source>Drawing pen digits, regional forms and non-digits (cached after the first time)…</source>
        <translation>Kalemle çizilmiş rakamlar, bölgesel biçimler ve rakam olmayanlar oluşturuluyor (ilk seferden sonra önbellekte tutulur)…</translation>
    </message>
    <message>
        <source>Calibrating the confidence…</source>
        <translation>Güven kalibre ediliyor…</translation>
    </message>
    <message>
        <source>epochs must be &gt;= 1</source>
        <translation>epok sayısı &gt;= 1 olmalı</translation>
    </message>
    <message>
        <source>augmentation strength must be in (0, 2]</source>
        <translation>veri artırma gücü (0, 2] aralığında olmalı</translation>
    </message>
    <message>
        <source>learning-rate decay must be in (0, 1]</source>
        <translation>öğrenme oranı azalması (0, 1] aralığında olmalı</translation>
    </message>
    <message>
        <source>batch size must be &gt;= 1</source>
        <translation>yığın boyutu &gt;= 1 olmalı</translation>
    </message>
    <message>
        <source>training-set size must be &gt;= 1</source>
        <translation>eğitim kümesi boyutu &gt;= 1 olmalı</translation>
    </message>
    <message>
        <source>validation-set size must be &gt;= 1</source>
        <translation>doğrulama kümesi boyutu &gt;= 1 olmalı</translation>
    </message>
    <message>
        <source>seed must be &gt;= 0</source>
        <translation>tohum &gt;= 0 olmalı</translation>
    </message>
    <message>
        <source>Out of memory on {device}: try a smaller batch size ({detail})</source>
        <translation>{device} üzerinde bellek yetmedi: daha küçük bir yığın boyutu dene ({detail})</translation>
    </message>
    <message>
        <source>Training stopped at epoch {epoch}, batch {batch}: the loss diverged ({loss}).</source>
        <translation>Eğitim {epoch}. epokta, {batch}. yığında durdu: kayıp ıraksadı ({loss}).</translation>
    </message>
    <message>
        <source>Training stopped at epoch {epoch}, batch {batch}: the loss became NaN.</source>
        <translation>Eğitim {epoch}. epokta, {batch}. yığında durdu: kayıp NaN oldu.</translation>
    </message>
    <message>
        <source>Training stopped at epoch {epoch}, batch {batch}: the loss became infinite.</source>
        <translation>Eğitim {epoch}. epokta, {batch}. yığında durdu: kayıp sonsuz oldu.</translation>
    </message>
    <message>
        <source>The weights from the end of epoch {epoch} were restored; try a smaller learning rate.</source>
        <translation>{epoch}. epok sonundaki ağırlıklar geri yüklendi; daha küçük bir öğrenme oranı dene.</translation>
    </message>
    <message>
        <source>As no epoch had finished, the starting weights were restored; try a smaller learning rate.</source>
        <translation>Hiçbir epok bitmediği için başlangıç ağırlıkları geri yüklendi; daha küçük bir öğrenme oranı dene.</translation>
    </message>
    <message>
        <source>Training stopped after {done} of 1 epoch.</source>
        <translation>Eğitim durduruldu: {done}/1 epok tamamlandı.</translation>
    </message>
    <message>
        <source>Training stopped after {done} of {epochs} epochs.</source>
        <translation>Eğitim durduruldu: {done}/{epochs} epok tamamlandı.</translation>
    </message>
    <message>
        <source>Training finished: 1 epoch.</source>
        <translation>Eğitim bitti: 1 epok.</translation>
    </message>
    <message>
        <source>Training finished: {epochs} epochs.</source>
        <translation>Eğitim bitti: {epochs} epok.</translation>
    </message>
</context>
</TS>
